package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.ConfigSchema;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectorFactory;

/** Creates {@link KeycloakConnector}s, type {@code keycloak}; settings are described in this module's README. */
public final class KeycloakConnectorFactory implements DirectoryConnectorFactory {

    @Override
    public String type() {
        return "keycloak";
    }

    @Override
    public ConfigSchema configSchema() {
        return KeycloakSettings.SCHEMA;
    }

    /** Checks the settings; Keycloak is first contacted on use. */
    @Override
    public DirectoryConnector create(ConnectorSettings settings) {
        return new KeycloakConnector(KeycloakSettings.from(settings));
    }
}
