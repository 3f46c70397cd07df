#!/usr/bin/env bash
# Directory sync benchmark: builds Clavis and the benchmark, seeds an embedded directory with a synthetic
# company (100,000 people, 20,000 groups, 1,000,000 memberships unless told otherwise) and measures how
# long Clavis, given 1 GB of heap, takes to sync it and how much heap it uses, on H2 and PostgreSQL.
#
#   bench/sync.sh                                                    # the full size, about half an hour
#   bench/sync.sh --people=2000 --groups=400 --memberships=20000     # a smoke run, well under a minute
#   bench/sync.sh --databases=h2                                     # one database only
#
# The report goes to bench/results/sync-<timestamp>.md, beside each run's Clavis and GC logs.
# BENCH_DIRECTORY_HEAP (default 4g) is the heap of the benchmark's own JVM, which holds the whole directory
# (about 1.1 GB live at the full size).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests package -pl app,bench -am
exec java -Xmx"${BENCH_DIRECTORY_HEAP:-4g}" -jar bench/target/clavis-bench.jar "$@"
