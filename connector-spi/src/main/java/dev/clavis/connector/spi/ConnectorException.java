package dev.clavis.connector.spi;

import org.jspecify.annotations.Nullable;

/**
 * A provider call failed. Messages name what failed in words an operator can act on and never carry
 * secrets (tokens, passwords, signed URLs).
 */
public abstract sealed class ConnectorException extends RuntimeException
        permits TransientConnectorException, PermanentConnectorException {

    protected ConnectorException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
