package dev.clavis.provisioning.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the provisioning worker runs ({@code CLAVIS_PROVISIONING_*}).
 *
 * @param workers threads applying tasks in this instance
 * @param maxAttempts attempts of one task before a transient error becomes its failure
 * @param initialBackoff wait after the first transient error; it doubles with each further one
 * @param maxBackoff the longest wait between attempts, unless the provider asks for longer
 * @param rateLimit writes per second to the directory; {@code 0} is unlimited; unset, the connector's
 *     documented limit applies
 * @param lease how long a claimed task is a worker's own; after that another worker may take it up,
 *     so it must outlast a connector call
 * @param pollInterval how often an idle worker looks for due tasks that no commit in this instance
 *     announced (retries, other instances' work, expired leases)
 * @param retention how long a finished (done or failed) task is kept before it is deleted
 */
@ConfigurationProperties("clavis.provisioning")
record ProvisioningSettings(
        @DefaultValue("4") int workers,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1S") Duration initialBackoff,
        @DefaultValue("PT5M") Duration maxBackoff,
        @Nullable Double rateLimit,
        @DefaultValue("PT1M") Duration lease,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("P30D") Duration retention) {

    ProvisioningSettings {
        require(workers >= 1, "CLAVIS_PROVISIONING_WORKERS must be at least 1, not " + workers);
        require(maxAttempts >= 1, "CLAVIS_PROVISIONING_MAX_ATTEMPTS must be at least 1, not " + maxAttempts);
        require(positive(initialBackoff), "CLAVIS_PROVISIONING_INITIAL_BACKOFF must be longer than zero");
        require(maxBackoff.compareTo(initialBackoff) >= 0,
                "CLAVIS_PROVISIONING_MAX_BACKOFF must not be shorter than CLAVIS_PROVISIONING_INITIAL_BACKOFF");
        require(rateLimit == null || rateLimit >= 0 && Double.isFinite(rateLimit),
                "CLAVIS_PROVISIONING_RATE_LIMIT must be a number of writes per second, 0 for unlimited, not " + rateLimit);
        require(positive(lease), "CLAVIS_PROVISIONING_LEASE must be longer than zero");
        require(positive(pollInterval), "CLAVIS_PROVISIONING_POLL_INTERVAL must be longer than zero");
        require(positive(retention), "CLAVIS_PROVISIONING_RETENTION must be longer than zero, not " + retention);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
