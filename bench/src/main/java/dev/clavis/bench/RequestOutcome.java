package dev.clavis.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one database's run measured. A run that stopped part-way keeps what it measured before; the
 * measurements it did not reach are null.
 *
 * @param problem why the run stopped early, or null when it did everything
 * @param setup how long the preparation took, for the reader who wants to rerun it
 * @param flightRecording Clavis's flight recording, when one was asked for
 */
record RequestOutcome(Database database, @Nullable String problem, Setup setup,
        ThroughputRun.@Nullable Result warmup, ThroughputRun.@Nullable Result throughput, @Nullable RawModifies raw,
        ApprovalRun.@Nullable Result approvals, ExpiryRun.@Nullable Result expiry, RunFiles files,
        @Nullable Path flightRecording) {

    /** @param people bench people (and managers) added to the directory over LDAP */
    record Setup(int people, Duration seeding, Duration sync, Duration tokens) {}

    boolean succeeded() {
        return problem == null;
    }

    /** Clavis's confirmed membership changes per second over the raw LDAP adds per second, in the same run. */
    double clavisShareOfRawLdap() {
        if (throughput == null || raw == null || raw.adds().perSecond() == 0) {
            return 0;
        }
        return throughput.grantedPerSecond() / raw.adds().perSecond();
    }
}
