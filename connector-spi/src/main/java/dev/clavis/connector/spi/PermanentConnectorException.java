package dev.clavis.connector.spi;

import org.jspecify.annotations.Nullable;

/** Retrying the same call cannot help: bad credentials, missing permission, invalid input. */
public non-sealed class PermanentConnectorException extends ConnectorException {

    public PermanentConnectorException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    public PermanentConnectorException(String message) {
        this(message, null);
    }
}
