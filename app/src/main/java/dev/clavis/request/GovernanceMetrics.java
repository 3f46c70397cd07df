package dev.clavis.request;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The figures that say whether access governance works: how much is automated, how long people wait,
 * how much standing privilege there is, how late removals are. {@code GET /api/v1/metrics/summary},
 * the Prometheus gauges and the console's dashboard all show these.
 */
public interface GovernanceMetrics {

    /** Requests and removals of this long ago and later are counted. */
    Duration WINDOW = Duration.ofDays(90);

    Summary summary();

    /**
     * @param granted first requests granted in the window (extensions aside)
     * @param standingPrivilegedGrants permanent grants of privileged roles in effect now
     * @param revocationLagP95 from a grant's expiry to the directory confirming its removal
     */
    record Summary(double automationRate, long granted, @Nullable Duration timeToAccessP50, @Nullable Duration timeToAccessP95,
            long activeGrants, long standingPrivilegedGrants, @Nullable Duration revocationLagP95) {}
}
