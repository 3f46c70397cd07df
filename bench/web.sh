#!/usr/bin/env bash
# Web console page times: builds Clavis and the benchmark, starts Clavis on the demo organisation (H2),
# then on a fresh PostgreSQL database (127.0.0.1:5432, user postgres) with 100,000 more people, signs in as
# each demo person, follows every link from the catalog page, and times each page it reaches.
#
#   bench/web.sh                                   # both databases, 30 timed requests per page
#   bench/web.sh --databases=h2 --rounds=10        # a smoke run
#
# Options: --databases --rounds --warmup --urls-per-route --people --groups --per-person --clavis-heap.
# The report goes to bench/results/web-<timestamp>.md, beside Clavis's logs. Exits 1 if a page's p99 is
# over 200 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests package -pl app,bench -am
exec java -Xmx"${BENCH_HEAP:-512m}" -Dloader.main=dev.clavis.bench.WebBenchmark \
  -cp bench/target/clavis-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
