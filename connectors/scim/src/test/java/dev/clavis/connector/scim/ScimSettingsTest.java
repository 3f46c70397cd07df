package dev.clavis.connector.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScimSettingsTest {

    private static final String TOKEN = "s3cr3t-token-value";

    @Test
    void theFactoryIsFoundAsTypeScimAndMarksTheTokenSecret() {
        DirectoryConnectorFactory factory = DirectoryConnectors.forType("scim").orElseThrow();

        assertThat(factory.configSchema().isSecret("token")).isTrue();
        assertThat(factory.defaultRateLimit()).isEmpty();
    }

    @Test
    void defaultsApplyAndATrailingSlashIsDropped() {
        ScimSettings settings = settings(Map.of("base-url", "https://idp.example.com/scim/v2/", "token", TOKEN));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://idp.example.com/scim/v2"));
        assertThat(settings.pageSize()).isEqualTo(100);
        assertThat(settings.requestsPerSecond()).isZero();
        assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyBadSettingIsNamedAtOnce() {
        var given = new HashMap<String, String>();
        given.put("base-url", "ftp://idp.example.com/scim");
        given.put("token", "Bearer " + TOKEN);
        given.put("page-size", "0");
        given.put("rate-limit", "fast");
        given.put("response-timeout", "PT0S");

        assertThatThrownBy(() -> settings(given))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("'base-url' must be an absolute https://"))
                        .anySatisfy(p -> assertThat(p).startsWith("'token' must be the token alone"))
                        .anySatisfy(p -> assertThat(p).startsWith("'page-size' must be at least 1"))
                        .anySatisfy(p -> assertThat(p).startsWith("'rate-limit' must be a number"))
                        .anySatisfy(p -> assertThat(p).startsWith("'response-timeout' must be longer than zero")))
                .message().doesNotContain(TOKEN);
    }

    @Test
    void aBaseUrlWithCredentialsIsRefused() {
        assertThatThrownBy(() -> settings(Map.of("base-url", "https://admin:pw@idp.example.com/scim", "token", TOKEN)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'base-url' must have no query, fragment or credentials");
    }

    @Test
    void missingRequiredSettingsAreNamed() {
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'base-url' is required")
                .hasMessageContaining("'token' is required");
    }

    @Test
    void theSettingsAsTextNeverShowTheToken() {
        ScimSettings settings = settings(Map.of("base-url", "https://idp.example.com/scim/v2", "token", TOKEN));

        assertThat(settings.toString()).doesNotContain(TOKEN).contains("token=******");
        assertThat(new ScimConnectorFactory().create(ConnectorSettings.of("scim", ScimSettings.SCHEMA,
                Map.of("base-url", "https://idp.example.com/scim/v2", "token", TOKEN))).toString())
                .doesNotContain(TOKEN);
    }

    private static ScimSettings settings(Map<String, String> given) {
        return ScimSettings.from(ConnectorSettings.of("scim", ScimSettings.SCHEMA, given));
    }
}
