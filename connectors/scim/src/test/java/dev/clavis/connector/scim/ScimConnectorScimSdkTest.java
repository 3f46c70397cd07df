package dev.clavis.connector.scim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract against an independent SCIM 2.0 implementation, Captain-P-Goldfish's SCIM-SDK. */
class ScimConnectorScimSdkTest extends DirectoryConnectorContract {

    private static final String TOKEN = "sdk-token-7c41d0";
    private static final int PAGE_SIZE = 7;

    private ScimSdkServer server;
    private DirectoryConnector connector;
    private ScimSdkDirectory directory;

    @BeforeAll
    void startServer() {
        server = new ScimSdkServer(TOKEN);
        connector = connector(settings(TOKEN));
        directory = new ScimSdkDirectory(server, PAGE_SIZE);
    }

    @AfterAll
    void stopServer() {
        connector.close();
        server.close();
    }

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return directory;
    }

    @Test
    void aTokenTheServerRefusesIsPermanentAndNeverInTheMessage() {
        try (DirectoryConnector refused = connector(settings("not-the-token-93e2"))) {
            assertThatThrownBy(refused::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("CLAVIS_SCIM_TOKEN")
                    .message().doesNotContain("not-the-token-93e2");
        }
    }

    private Map<String, String> settings(String token) {
        var settings = new HashMap<String, String>();
        settings.put("base-url", server.baseUrl());
        settings.put("token", token);
        settings.put("page-size", String.valueOf(PAGE_SIZE));
        return settings;
    }

    /** Through ServiceLoader, as the application finds it. */
    private static DirectoryConnector connector(Map<String, String> given) {
        var factory = DirectoryConnectors.forType("scim").orElseThrow();
        return factory.create(ConnectorSettings.of("scim", factory.configSchema(), given));
    }
}
