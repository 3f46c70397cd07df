package dev.clavis.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ProvisioningSettingsTest {

    @Test
    void finishedTasksAreKeptThirtyDaysUnlessSaidOtherwise() {
        assertThat(fromEnvironment(Map.of()).retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theRetentionIsReadFromClavisProvisioningRetention() {
        assertThat(fromEnvironment(Map.of("CLAVIS_PROVISIONING_RETENTION", "P7D")).retention())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aRetentionOfZeroOrLessIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("CLAVIS_PROVISIONING_RETENTION", "PT0S")))
                .hasRootCauseMessage("CLAVIS_PROVISIONING_RETENTION must be longer than zero, not PT0S");
        assertThatThrownBy(() -> fromEnvironment(Map.of("CLAVIS_PROVISIONING_RETENTION", "-P1D")))
                .hasRootCauseMessage("CLAVIS_PROVISIONING_RETENTION must be longer than zero, not PT-24H");
    }

    /** The settings as Clavis binds them at start, from environment variables alone. */
    private static ProvisioningSettings fromEnvironment(Map<String, Object> variables) {
        var environment = new SystemEnvironmentPropertySource("environment", variables);
        return new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("clavis.provisioning", ProvisioningSettings.class);
    }
}
