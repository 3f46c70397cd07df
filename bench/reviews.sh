#!/usr/bin/env bash
# Access review benchmark: builds Clavis and the benchmark, starts Clavis on a fresh PostgreSQL database
# (127.0.0.1:5432, user postgres), fills the directory's copy with 100,000 people in 1,000 groups
# (1,000,000 memberships), and measures through the API: starting a campaign over every membership, and
# bulk decisions of 10,000 items in one call.
#
#   bench/reviews.sh                                        # the full size
#   bench/reviews.sh --people=10000 --bulk=2000            # smaller
#
# Options: --people --groups --per-person (memberships each) --managers --bulk --rounds --clavis-heap.
# The report goes to bench/results/reviews-<timestamp>.md, beside Clavis's log and GC log.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests package -pl app,bench -am
exec java -Xmx"${BENCH_HEAP:-512m}" -Dloader.main=dev.clavis.bench.ReviewBenchmark \
  -cp bench/target/clavis-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
