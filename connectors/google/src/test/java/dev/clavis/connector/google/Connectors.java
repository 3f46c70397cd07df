package dev.clavis.connector.google;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import java.util.HashMap;
import java.util.Map;

/** Google connectors pointed at a simulator, as an operator would configure them. */
final class Connectors {

    private Connectors() {}

    static Map<String, String> settings(GoogleDirectorySimulator simulator) {
        var settings = new HashMap<String, String>();
        settings.put("service-account-key", simulator.key().json());
        settings.put("admin-email", GoogleDirectorySimulator.ADMIN);
        settings.put("base-url", simulator.baseUrl());
        settings.put("token-url", simulator.tokenUrl());
        settings.put("page-size", String.valueOf(SimulatorTestDirectory.PAGE_SIZE));
        settings.put("request-timeout", "PT2S");
        return settings;
    }

    static DirectoryConnector create(Map<String, String> settings) {
        var factory = new GoogleConnectorFactory();
        return factory.create(ConnectorSettings.of(factory.type(), factory.configSchema(), settings));
    }

    static DirectoryConnector create(GoogleDirectorySimulator simulator) {
        return create(settings(simulator));
    }
}
