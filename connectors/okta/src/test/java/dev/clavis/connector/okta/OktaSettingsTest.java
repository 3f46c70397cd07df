package dev.clavis.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.connector.spi.InvalidSettingsException;
import dev.clavis.connector.spi.RateLimit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OktaSettingsTest {

    private final OktaConnectorFactory factory = new OktaConnectorFactory();

    @Test
    void theConnectorIsFoundByItsTypeAndDeclaresOktasMembershipLimit() {
        assertThat(DirectoryConnectors.forType("okta")).get().extracting(DirectoryConnectorFactory::type).isEqualTo("okta");
        assertThat(factory.defaultRateLimit()).contains(new RateLimit(600, Duration.ofMinutes(1)));
        assertThat(factory.configSchema().isSecret("api-token")).isTrue();
        assertThat(factory.configSchema().isSecret("private-key")).isTrue();
    }

    @Test
    void settingsWithoutCredentialsNameBothWaysToAuthenticate() {
        assertThatThrownBy(() -> settings(Map.of("base-url", "https://acme.okta.com")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'api-token'").hasMessageContaining("'client-id' with 'private-key'");
    }

    @Test
    void aTokenAndAServiceAppTogetherAreRefused() {
        assertThatThrownBy(() -> settings(Map.of("base-url", "https://acme.okta.com", "api-token", "t",
                "client-id", "0oa1")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("not both");
    }

    @Test
    void everyBadSettingIsNamedAtOnce() {
        assertThatThrownBy(() -> settings(Map.of("base-url", "http://acme.okta.com", "api-token", "t",
                "page-size", "500", "response-timeout", "PT0S")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("base-url").hasMessageContaining("page-size").hasMessageContaining("response-timeout");
    }

    @Test
    void anUnreadableKeyIsRefusedWithoutShowingIt() {
        String key = "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LXNlY3JldA==\n-----END PRIVATE KEY-----";

        assertThatThrownBy(() -> settings(Map.of("base-url", "https://acme.okta.com", "client-id", "0oa1",
                "private-key", key)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("PKCS#8").hasMessageNotContaining("bm90LWEta2V5LXNlY3JldA");
    }

    @Test
    void settingsShownInLogsMaskTheToken() {
        var settings = ConnectorSettings.of("okta", factory.configSchema(),
                Map.of("base-url", "https://acme.okta.com", "api-token", "00secret-token"));

        assertThat(settings.toString()).doesNotContain("00secret-token");
        assertThat(OktaSettings.from(settings).toString()).doesNotContain("00secret-token").contains("acme.okta.com");
    }

    private OktaSettings settings(Map<String, String> values) {
        return OktaSettings.from(ConnectorSettings.of("okta", factory.configSchema(), values));
    }
}
