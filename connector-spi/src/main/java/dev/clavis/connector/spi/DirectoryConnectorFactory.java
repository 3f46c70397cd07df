package dev.clavis.connector.spi;

import java.util.Optional;

/**
 * Creates connectors of one provider type. Implementations are found with {@link java.util.ServiceLoader}
 * and must have a public no-argument constructor.
 */
public interface DirectoryConnectorFactory {

    /** The provider's name as users select it, e.g. {@code ldap}; lower case, stable. */
    String type();

    /** The settings the connector reads, with secrets marked so they are never logged. */
    ConfigSchema configSchema();

    /**
     * Creates a connector. Does not contact the provider; {@link DirectoryConnector#verify()} does.
     *
     * @throws InvalidSettingsException when the settings cannot work, naming each bad setting
     */
    DirectoryConnector create(ConnectorSettings settings);

    /** How fast the provider lets a client change things, so the platform can pace calls just under it. */
    default Optional<RateLimit> defaultRateLimit() {
        return Optional.empty();
    }
}
