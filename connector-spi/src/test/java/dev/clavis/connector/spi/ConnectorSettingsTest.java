package dev.clavis.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {

    private final ConfigSchema schema = ConfigSchema.of(
            ConfigProperty.required("url", "where the directory is"),
            ConfigProperty.secret("password", "the bind password"),
            ConfigProperty.optional("page-size", "entries per page", "500"),
            ConfigProperty.optional("timeout", "how long to wait", "PT10S"));

    @Test
    void defaultsApplyWhereASettingIsAbsent() {
        var settings = ConnectorSettings.of("ldap", schema, Map.of("url", "ldap://x", "password", "p"));

        assertThat(settings.getInt("page-size")).isEqualTo(500);
        assertThat(settings.getDuration("timeout")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyMissingAndUnknownSettingIsNamedAtOnce() {
        assertThatThrownBy(() -> ConnectorSettings.of("ldap", schema, Map.of("colour", "blue")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "unknown setting 'colour'",
                                "'url' is required: where the directory is",
                                "'password' is required: the bind password"));
    }

    @Test
    void secretsNeverAppearInTheTextOfTheSettings() {
        var settings = ConnectorSettings.of("ldap", schema, Map.of("url", "ldap://x", "password", "hunter2"));

        assertThat(settings.toString()).contains("url=ldap://x").doesNotContain("hunter2");
    }

    @Test
    void aMalformedNumberIsAnInvalidSettingThatDoesNotEchoSecrets() {
        var settings = ConnectorSettings.of("ldap", schema, Map.of("url", "x", "password", "p", "page-size", "many"));

        assertThatThrownBy(() -> settings.getInt("page-size"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'page-size' must be a whole number, not 'many'");
    }

    @Test
    void durationsMayBeGivenInSeconds() {
        var settings = ConnectorSettings.of("ldap", schema, Map.of("url", "x", "password", "p", "timeout", "30"));

        assertThat(settings.getDuration("timeout")).isEqualTo(Duration.ofSeconds(30));
    }
}
