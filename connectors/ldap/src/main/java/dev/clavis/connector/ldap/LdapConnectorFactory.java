package dev.clavis.connector.ldap;

import dev.clavis.connector.spi.ConfigSchema;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectorFactory;

/** Creates {@link LdapConnector}s, type {@code ldap}; settings are described in this module's README. */
public final class LdapConnectorFactory implements DirectoryConnectorFactory {

    @Override
    public String type() {
        return "ldap";
    }

    @Override
    public ConfigSchema configSchema() {
        return LdapSettingsSchema.SCHEMA;
    }

    /** Checks the settings and prepares an empty connection pool; the directory is first contacted on use. */
    @Override
    public DirectoryConnector create(ConnectorSettings settings) {
        return new LdapConnector(LdapSettings.from(settings));
    }
}
