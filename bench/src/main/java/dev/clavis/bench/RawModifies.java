package dev.clavis.bench;

import java.time.Instant;

/**
 * The directory's own speed, the ceiling of Clavis's: plain LDAP modifies (add a member, then delete it
 * again) against the same embedded directory, from the benchmark, as many at once as the HTTP clients of
 * the throughput run. A Clavis membership change is one such modify plus the reads that make it idempotent
 * and the database work that makes it durable and audited.
 */
record RawModifies(Timing adds, Timing deletes) {

    /** The group of a bench person's raw modifies: spread over as many groups as the throughput run's. */
    static String group(int person, int groups) {
        return "bench-raw-" + person % groups;
    }

    /**
     * @param nanos from the first modify sent to the last answered
     * @param firstTenthNanos until a tenth of the modifies were answered: the rate while the group is small
     * @param lastTenthNanos from nine tenths answered until the last: the rate once the group is large, which
     *     tells how a modify's cost grows with the group
     */
    record Timing(int count, long nanos, long firstTenthNanos, long lastTenthNanos) {

        double perSecond() {
            return rate(count, nanos);
        }

        double firstTenthPerSecond() {
            return rate(count / 10, firstTenthNanos);
        }

        double lastTenthPerSecond() {
            return rate(count - count * 9 / 10, lastTenthNanos);
        }

        private static double rate(int count, long nanos) {
            return nanos <= 0 ? 0 : count / (nanos / 1e9);
        }
    }

    static RawModifies run(BenchDirectory directory, int count, int groups, Instant deadline) throws InterruptedException {
        Timing adds = directory.addMembers(person -> group(person, groups), count, deadline);
        Timing deletes = directory.removeMembers(person -> group(person, groups), count, deadline);
        return new RawModifies(adds, deletes);
    }
}
