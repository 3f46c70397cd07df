#!/usr/bin/env bash
# Access-request benchmark: builds Clavis and the benchmark, then, on H2 and on PostgreSQL, starts Clavis as
# its own process with its embedded LDAP directory and measures auto-approved requests per second end to end,
# approval → membership latency, 10,000 grants expiring in the same minute, and Clavis's membership changes
# against raw LDAP modifies of the same directory.
#
#   bench/requests.sh                          # the full sizes, about an hour for both databases
#   bench/requests.sh --smoke                  # small sizes, a few minutes
#   bench/requests.sh --databases=postgresql --requests=5000 --concurrency=16
#
# The report goes to bench/results/requests-<timestamp>.md, beside each run's Clavis and GC logs.
# PostgreSQL is the one at 127.0.0.1:5432, user postgres (PGPASSWORD if it asks for one); each run gets a
# fresh database, dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests package -pl app,bench -am
# The bench jar's main class is the sync benchmark; Spring Boot's PropertiesLauncher starts another one.
exec java -Xmx"${BENCH_HEAP:-1g}" -Dloader.main=dev.clavis.bench.RequestBenchmark \
  -cp bench/target/clavis-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
