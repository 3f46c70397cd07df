package dev.clavis.jira.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Jira did not do what was asked. Transient failures (unreachable, 429, 5xx, credentials refused —
 * an admin can fix those) are retried; a permanent one (the issue is gone, the body is refused) is not.
 *
 * @param status the HTTP status, 0 when Jira did not answer
 * @param retryAfter what Jira asked for with {@code Retry-After}
 */
public class JiraCallFailed extends RuntimeException {

    private final int status;
    private final boolean transientFailure;
    private final @Nullable Duration retryAfter;

    JiraCallFailed(String message, int status, boolean transientFailure, @Nullable Duration retryAfter) {
        super(message);
        this.status = status;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
