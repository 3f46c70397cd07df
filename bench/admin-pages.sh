#!/usr/bin/env bash
# Admin console benchmark: builds Clavis and the benchmark, seeds a synthetic company (100,000 people by
# default) and one admin in an embedded directory, then, on H2 and on PostgreSQL, starts Clavis as its own
# process, waits for its first sync and times each admin page (see AdminPagesBenchmark).
#
#   bench/admin-pages.sh                                                  # 100,000 people, 20,000 groups, 1,000,000 memberships
#   bench/admin-pages.sh --people=100000 --groups=2000 --memberships=200000 --databases=h2
#
# The report goes to bench/results/admin-pages-<timestamp>.md, beside each run's Clavis and GC logs.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests package -pl app,bench -am
exec java -Xmx"${BENCH_DIRECTORY_HEAP:-4g}" -Dloader.main=dev.clavis.bench.AdminPagesBenchmark \
  -cp bench/target/clavis-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
