package dev.clavis.connector.scim;

import dev.clavis.connector.spi.ConfigSchema;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import java.time.Clock;

/**
 * Creates {@link ScimConnector}s, type {@code scim}; settings are described in this module's README.
 * SCIM documents no rate limit of its own: each server has its own, set with {@code rate-limit}.
 */
public final class ScimConnectorFactory implements DirectoryConnectorFactory {

    @Override
    public String type() {
        return ScimSettings.TYPE;
    }

    @Override
    public ConfigSchema configSchema() {
        return ScimSettings.SCHEMA;
    }

    /** Checks the settings; the server is first contacted on use. */
    @Override
    public DirectoryConnector create(ConnectorSettings settings) {
        return new ScimConnector(ScimSettings.from(settings), Clock.systemUTC());
    }
}
