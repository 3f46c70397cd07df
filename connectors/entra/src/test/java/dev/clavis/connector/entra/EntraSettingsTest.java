package dev.clavis.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.entra.simulator.TestCertificates;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.connector.spi.InvalidSettingsException;
import dev.clavis.connector.spi.RateLimit;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntraSettingsTest {

    private static final String SECRET = "s3cr3t~value";

    @Test
    void theFactoryIsFoundAsEntra() {
        assertThat(DirectoryConnectors.forType("entra")).get().isInstanceOf(EntraConnectorFactory.class);
    }

    @Test
    void writesArePacedUnderGraphsIdentityLimitOf3000Per150Seconds() {
        assertThat(new EntraConnectorFactory().defaultRateLimit()).contains(new RateLimit(3_000, Duration.ofSeconds(150)));
    }

    @Test
    void defaultsPointAtTheGlobalCloud() {
        EntraSettings settings = EntraSettings.from(settings(Map.of()));

        assertThat(settings.graphBaseUrl()).hasToString("https://graph.microsoft.com/v1.0");
        assertThat(settings.authority()).hasToString("https://login.microsoftonline.com/contoso.onmicrosoft.com/");
        assertThat(settings.graphScope()).isEqualTo("https://graph.microsoft.com/.default");
    }

    @Test
    void aNationalCloudGetsItsOwnGraphScope() {
        EntraSettings settings = EntraSettings.from(settings(Map.of(
                "graph-base-url", "https://graph.microsoft.us/v1.0/", "authority-url", "https://login.microsoftonline.us")));

        assertThat(settings.graphScope()).isEqualTo("https://graph.microsoft.us/.default");
        assertThat(settings.authority()).hasToString("https://login.microsoftonline.us/contoso.onmicrosoft.com/");
    }

    @Test
    void aCertificateInPemIsReadAsTheCredential() {
        var settings = new HashMap<>(Map.of("certificate", TestCertificates.appCredential("clavis").pem()));
        settings.put("client-secret", "");

        assertThat(EntraSettings.from(settings(settings)).credential()).isInstanceOf(ClientCredential.Certificate.class);
    }

    @Test
    void bothASecretAndACertificateAreRefused() {
        assertThatThrownBy(() -> EntraSettings.from(settings(Map.of("certificate", TestCertificates.appCredential("x").pem()))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("exactly one of 'client-secret' and 'certificate'");
    }

    @Test
    void aPkcs1KeyIsRefusedWithHowToConvertIt() {
        var settings = new HashMap<>(Map.of("certificate", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"));
        settings.put("client-secret", "");

        assertThatThrownBy(() -> EntraSettings.from(settings(settings)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void plainHttpAndOversizedPagesAreRefusedNamingEachSetting() {
        assertThatThrownBy(() -> EntraSettings.from(settings(Map.of(
                        "graph-base-url", "http://graph.example.test/v1.0", "page-size", "1000"))))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("graph-base-url"))
                        .anySatisfy(p -> assertThat(p).contains("page-size")));
    }

    @Test
    void settingsShownInLogsMaskTheSecret() {
        assertThat(settings(Map.of())).asString().doesNotContain(SECRET).contains("client-secret=******");
    }

    private static ConnectorSettings settings(Map<String, String> overrides) {
        var values = new HashMap<String, String>();
        values.put("tenant-id", "contoso.onmicrosoft.com");
        values.put("client-id", "5f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        values.put("client-secret", SECRET);
        values.putAll(overrides);
        return ConnectorSettings.of("entra", EntraSettingsSchema.SCHEMA, values);
    }
}
