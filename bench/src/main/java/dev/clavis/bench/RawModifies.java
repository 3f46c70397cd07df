package dev.clavis.bench;

import java.time.Instant;

/**
 * The directory's own speed, the ceiling of Clavis's: plain LDAP modifies (add a member, then delete it
 * again) against the same embedded directory, from the benchmark, as many at once as the HTTP clients of
 * the throughput run. A Clavis membership change is one such modify plus the reads that make it idempotent
 * and the database work that makes it durable and audited.
 */
record RawModifies(Timing adds, Timing deletes) {

    static final String GROUP = "bench-raw";

    /** @param nanos from the first modify sent to the last answered */
    record Timing(int count, long nanos) {

        double perSecond() {
            return nanos == 0 ? 0 : count / (nanos / 1e9);
        }
    }

    static RawModifies run(BenchDirectory directory, int count, Instant deadline) throws InterruptedException {
        Timing adds = directory.addMembers(GROUP, count, deadline);
        Timing deletes = directory.removeMembers(GROUP, count, deadline);
        return new RawModifies(adds, deletes);
    }
}
