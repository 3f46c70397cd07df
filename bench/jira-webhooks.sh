#!/usr/bin/env bash
# Jira webhook benchmark: builds Clavis and the benchmark, starts Clavis as its own process on its embedded
# defaults with the Jira integration on (and Jira unreachable), and times the answers to signed
# jira:issue_created deliveries from concurrent clients.
#
#   bench/jira-webhooks.sh                                 # 2,000 deliveries from 8 clients
#   bench/jira-webhooks.sh --deliveries=500 --concurrency=4
#
# The report goes to bench/results/jira-webhooks-<timestamp>.md, beside Clavis's log and GC log.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -DskipTests package -pl app,bench -am
exec java -Xmx"${BENCH_HEAP:-512m}" -Dloader.main=dev.clavis.bench.JiraWebhookBenchmark \
  -cp bench/target/clavis-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
