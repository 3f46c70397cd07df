#!/usr/bin/env bash
# Okta rate benchmark: builds the Okta connector and the benchmark, then drains 10,000 membership changes
# (5,000 adds, 5,000 removals) through the connector into the Okta simulator limited to 600 calls per 6 s per
# endpoint family (Okta's 600 per minute, ten times faster), paced as Clavis's provisioning paces writes, and
# reports the achieved rate ÷ the limit, the 429s received, and whether every change is in the simulator.
#
#   bench/okta-rate.sh                                  # the full run with 16 workers, about two minutes
#   bench/okta-rate.sh --changes=2000 --headroom=0.97   # other sizes, or another share of the limit
#
# Options: --changes (10000), --permits (600), --window (PT6S), --headroom (0.98) and --slices (60), as the app's
# WritePace, --workers (16, as CLAVIS_PROVISIONING_WORKERS=16), --check-description (false: see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests package -pl bench -am
exec java -Xmx"${BENCH_HEAP:-1g}" -Dloader.main=dev.clavis.bench.OktaRateBenchmark \
  -cp bench/target/clavis-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
