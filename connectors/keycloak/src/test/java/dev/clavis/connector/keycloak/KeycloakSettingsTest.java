package dev.clavis.connector.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeycloakSettingsTest {

    @Test
    void theAdminAndTokenUrlsAreBuiltFromBaseUrlAndRealmWithoutATrailingSlash() {
        KeycloakSettings settings = settings(Map.of("base-url", "https://sso.acme.com/auth/", "realm", "acme corp"));

        assertThat(settings.adminUrl()).isEqualTo("https://sso.acme.com/auth/admin/realms/acme%20corp");
        assertThat(settings.tokenUrl())
                .isEqualTo("https://sso.acme.com/auth/realms/acme%20corp/protocol/openid-connect/token");
    }

    @Test
    void everyBadSettingIsNamedAtOnce() {
        assertThatThrownBy(() -> settings(Map.of("base-url", "sso.acme.com", "page-size", "0",
                        "read-last-login", "maybe", "request-timeout", "soon")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .hasSize(4)
                        .anySatisfy(problem -> assertThat(problem).startsWith("'base-url'"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("'page-size'"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("'read-last-login'"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("'request-timeout'")));
    }

    @Test
    void theSecretIsNeverShown() {
        KeycloakSettings settings = settings(Map.of());

        assertThat(settings.toString()).doesNotContain("s3cret-value").contains("client-secret=******");
    }

    private static KeycloakSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("base-url", "https://sso.acme.com", "realm", "acme",
                "client-id", "clavis", "client-secret", "s3cret-value"));
        values.putAll(overrides);
        return KeycloakSettings.from(ConnectorSettings.of("keycloak", KeycloakSettings.SCHEMA, values));
    }
}
