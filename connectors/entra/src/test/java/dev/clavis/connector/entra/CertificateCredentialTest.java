package dev.clavis.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.entra.simulator.GraphSimulator;
import dev.clavis.connector.entra.simulator.TestCertificates;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client credentials with a certificate: msal4j signs a client assertion that the token endpoint verifies. */
class CertificateCredentialTest {

    @TempDir
    Path dir;

    private GraphSimulator simulator;
    private TestCertificates.Identity registered;

    @BeforeEach
    void start() {
        simulator = GraphSimulator.start();
        registered = TestCertificates.appCredential("clavis-app");
        simulator.registerCertificate(registered.certificate());
        simulator.tenant().createUser("ann@acme.test", "Ann", "Lee", null, null, null);
    }

    @AfterEach
    void spokeOnlyGraph() {
        simulator.close();
        assertThat(simulator.violations()).isEmpty();
    }

    @Test
    void theRegisteredCertificateSignsInAndReads() {
        try (DirectoryConnector connector = withCertificate(registered.pem())) {
            assertThatCode(connector::verify).doesNotThrowAnyException();
            assertThat(connector.people().flatMap(java.util.List::stream).toList()).hasSize(1);
        }
    }

    @Test
    void aCertificateTheAppDoesNotHaveIsRefusedPermanentlyWithoutShowingTheKey() {
        var other = TestCertificates.appCredential("someone-else");
        String key = other.pem().substring(other.pem().indexOf("-----BEGIN PRIVATE KEY-----"));
        try (DirectoryConnector connector = withCertificate(other.pem())) {
            assertThatThrownBy(connector::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("invalid_client")
                    .hasMessageNotContaining(key.lines().skip(1).findFirst().orElseThrow());
        }
    }

    private DirectoryConnector withCertificate(String pem) {
        var settings = new HashMap<>(SimulatedEntra.settings(simulator, dir, Map.of()));
        settings.remove("client-secret");
        settings.put("certificate", pem);
        return SimulatedEntra.create(settings);
    }
}
