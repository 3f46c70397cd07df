package dev.clavis.connector.okta;

import dev.clavis.connector.okta.simulator.OktaSimulator;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import java.util.HashMap;
import java.util.Map;

/** Connectors pointed at a simulator, as the platform would create them from settings. */
final class Simulators {

    static final String TOKEN = "00sim-token-that-must-never-be-shown";
    static final int PAGE_SIZE = 10;

    private Simulators() {}

    static DirectoryConnector connector(OktaSimulator simulator, Map<String, String> more) {
        var settings = new HashMap<String, String>();
        settings.put("api-token", TOKEN);
        settings.putAll(more);
        return create(simulator, settings);
    }

    /** A connector that signs in as a service app; {@code settings} hold client-id and private-key. */
    static DirectoryConnector serviceAppConnector(OktaSimulator simulator, Map<String, String> settings) {
        return create(simulator, new HashMap<>(settings));
    }

    private static DirectoryConnector create(OktaSimulator simulator, Map<String, String> given) {
        var settings = new HashMap<String, String>();
        settings.put("base-url", simulator.baseUrl());
        settings.put("page-size", String.valueOf(PAGE_SIZE));
        settings.put("response-timeout", "PT15S");
        settings.putAll(given);
        var factory = new OktaConnectorFactory();
        return factory.create(ConnectorSettings.of(factory.type(), factory.configSchema(), settings));
    }
}
