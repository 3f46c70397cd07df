package dev.clavis.connector.spi;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The same call may succeed later: the provider is rate limiting, overloaded, unreachable or timed out.
 * The platform retries; the connector never does.
 */
public non-sealed class TransientConnectorException extends ConnectorException {

    private final @Nullable Duration retryAfter;

    public TransientConnectorException(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public TransientConnectorException(String message, @Nullable Throwable cause) {
        this(message, null, cause);
    }

    /** How long the provider asked the client to wait, where it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
