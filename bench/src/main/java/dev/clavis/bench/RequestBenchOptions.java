package dev.clavis.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What the access-request benchmark measures, from {@code --name=value} arguments. The defaults are the
 * sizes the requirements name (10,000 requests, 10,000 grants expiring together); {@code --smoke} makes
 * every size small enough for a run of a few minutes, and any size given beside it still wins.
 *
 * @param people bench people created in the directory; each asks for each role at most once, so this
 *     bounds every other count
 * @param warmup auto-approved requests of roles of their own, as many as {@code groups}, before the measured
 *     ones, so the measured ones meet compiled code and warm pools
 * @param requests auto-approved requests of the measured throughput run
 * @param groups auto-approved roles (one group each) the throughput run's requests and the raw modifies are
 *     spread over; 1 puts every membership into one group, whose size then drives the directory's cost
 * @param approvals requests that wait for their manager, who then approves them
 * @param approvalRate decisions per second: a steady trickle, so the latency is the pipeline's and not a
 *     queue of decisions made all at once
 * @param expiring grants made to expire in the same minute
 * @param expiringGroups expiring roles (one group each) those grants take turns over; 1 makes every removal
 *     a change of one large group
 * @param expiryBudget the longest the expiring grants may take to create; fewer are made if the throughput
 *     measured before says they would take longer
 * @param rawModifies raw LDAP adds (and as many deletes) timed against the same directory
 * @param concurrency concurrent HTTP clients, and concurrent LDAP connections for the raw modifies
 * @param flightRecording whether Clavis runs with a Java Flight Recording of the whole run
 * @param timeout the longest one database's run may take; then Clavis is stopped and the run reported failed
 */
record RequestBenchOptions(int people, int warmup, int requests, int groups, int approvals, double approvalRate, int expiring,
        int expiringGroups, Duration expiryBudget, int rawModifies, int concurrency, List<Database> databases, Path clavisJar,
        String clavisHeap, boolean flightRecording, Duration timeout, Path resultsDir) {

    /** One bench manager per this many people: the approvers of the approval run. */
    static final int TEAM_SIZE = 50;

    static final String USAGE = """
            usage: bench/requests.sh [--smoke] [--people=10000] [--warmup=1000] [--requests=10000] [--groups=1]
                                     [--approvals=1000] [--approval-rate=20] [--expiring=10000] [--expiring-groups=1]
                                     [--expiry-budget=PT10M]
                                     [--raw-modifies=10000] [--concurrency=32] [--databases=h2,postgresql]
                                     [--clavis-heap=1g] [--jfr] [--timeout=PT45M]
                                     [--clavis-jar=app/target/clavis.jar] [--results=bench/results]""";

    RequestBenchOptions {
        int largest = Math.max(Math.max(warmup, requests), Math.max(Math.max(approvals, expiring), rawModifies));
        if (people < largest) {
            throw new IllegalArgumentException("--people=" + people + " is fewer than the largest count (" + largest
                    + "): each bench person asks for each role once");
        }
        if (requests < 1 || groups < 1 || expiringGroups < 1 || approvals < 0 || expiring < 0 || warmup < 0 || rawModifies < 1 || concurrency < 1
                || approvalRate <= 0) {
            throw new IllegalArgumentException("counts must not be negative, and --requests, --raw-modifies,"
                    + " --concurrency, --approval-rate, --groups and --expiring-groups must be positive");
        }
    }

    static RequestBenchOptions parse(String... args) {
        Flags flags = Flags.parse(args);
        boolean smoke = flags.on("smoke");
        int requests = flags.integer("requests", smoke ? 300 : 10_000);
        var options = new RequestBenchOptions(
                flags.integer("people", smoke ? 400 : 10_000),
                flags.integer("warmup", smoke ? 50 : 1_000),
                requests,
                flags.integer("groups", 1),
                flags.integer("approvals", smoke ? 50 : 1_000),
                flags.decimal("approval-rate", 20),
                flags.integer("expiring", smoke ? 300 : 10_000),
                flags.integer("expiring-groups", 1),
                flags.duration("expiry-budget", smoke ? Duration.ofMinutes(1) : Duration.ofMinutes(10)),
                flags.integer("raw-modifies", requests),
                flags.integer("concurrency", 32),
                Arrays.stream(flags.text("databases", "h2,postgresql").split(",")).map(Database::parse).toList(),
                flags.path("clavis-jar", "app/target/clavis.jar"),
                flags.text("clavis-heap", "1g"),
                flags.on("jfr"),
                flags.duration("timeout", smoke ? Duration.ofMinutes(10) : Duration.ofMinutes(45)),
                flags.path("results", "bench/results"));
        flags.refuseUnknown();
        return options;
    }

    int managers() {
        return teams(people);
    }

    /** People who ask for something, and so need a token: bench people 0 to this. */
    int askers() {
        return Math.max(Math.max(warmup, requests), Math.max(approvals, expiring));
    }

    /** Managers who decide, and so need a token: those of the approval run's people. */
    int deciders() {
        return teams(approvals);
    }

    private static int teams(int people) {
        return (people + TEAM_SIZE - 1) / TEAM_SIZE;
    }
}
