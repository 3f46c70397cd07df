package dev.clavis.connector.entra;

import dev.clavis.connector.entra.simulator.GraphSimulator;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Connectors pointed at a {@link GraphSimulator}, made through the factory as the platform makes them. */
final class SimulatedEntra {

    static final String TRUST_STORE_PASSWORD = "trust-me";

    private SimulatedEntra() {}

    /** Settings for the simulator with its client secret; {@code overrides} replace or add settings. */
    static Map<String, String> settings(GraphSimulator simulator, Path dir, Map<String, String> overrides) {
        var settings = new HashMap<String, String>();
        settings.put("tenant-id", simulator.tenantId());
        settings.put("client-id", GraphSimulator.CLIENT_ID);
        settings.put("client-secret", GraphSimulator.CLIENT_SECRET);
        settings.put("graph-base-url", simulator.graphBaseUrl());
        settings.put("authority-url", simulator.origin());
        settings.put("trust-store", simulator.writeTrustStore(dir.resolve("simulator.p12"), TRUST_STORE_PASSWORD).toString());
        settings.put("trust-store-password", TRUST_STORE_PASSWORD);
        settings.put("page-size", "10");
        settings.putAll(overrides);
        settings.values().removeIf(value -> value == null);
        return settings;
    }

    static DirectoryConnector connector(GraphSimulator simulator, Path dir, Map<String, String> overrides) {
        return create(settings(simulator, dir, overrides));
    }

    static DirectoryConnector create(Map<String, String> settings) {
        var factory = new EntraConnectorFactory();
        return factory.create(ConnectorSettings.of(factory.type(), factory.configSchema(), settings));
    }
}
