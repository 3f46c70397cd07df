package dev.clavis.connector.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.connector.spi.InvalidSettingsException;
import dev.clavis.connector.spi.RateLimit;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class GoogleSettingsTest {

    private static final ServiceAccountKey KEY =
            ServiceAccountKey.create("sync@project.iam.gserviceaccount.com", "1234567890", "https://oauth2.googleapis.com/token");

    private final GoogleConnectorFactory factory = new GoogleConnectorFactory();

    @Test
    void theConnectorIsFoundAsGoogleWithItsKeyMarkedSecret() {
        assertThat(DirectoryConnectors.forType("google")).get().isInstanceOf(GoogleConnectorFactory.class);
        assertThat(factory.configSchema().isSecret("service-account-key")).isTrue();
    }

    @Test
    void membershipChangesArePacedAtHalfGooglesQueryQuotaBecauseAnAddIsTwoQueries() {
        assertThat(factory.defaultRateLimit()).contains(new RateLimit(1_200, Duration.ofMinutes(1)));
    }

    @Test
    void aWorkingConfigurationReadsTheCustomerByDefault() {
        GoogleSettings settings = GoogleSettings.from(settings(valid()));

        assertThat(settings.scope()).isEqualTo(new GoogleSettings.ListScope("customer", "my_customer"));
        assertThat(settings.clientId()).isEqualTo("1234567890");
        assertThat(settings.baseUrl()).hasToString("https://admin.googleapis.com");
        assertThat(settings.toString()).doesNotContain(KEY.privateKeyFragment());
    }

    @Test
    void aDomainNarrowsTheReadToThatDomain() {
        var values = valid();
        values.put("domain", "acme.com");

        assertThat(GoogleSettings.from(settings(values)).scope()).isEqualTo(new GoogleSettings.ListScope("domain", "acme.com"));
    }

    @Test
    void missingKeyAndAdministratorAreBothNamed() {
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("'service-account-key' is required"))
                        .anyMatch(p -> p.startsWith("'admin-email' is required")));
    }

    @Test
    void aKeyThatIsNotJsonIsRefusedWithoutQuotingIt() {
        var values = valid();
        values.put("service-account-key", "-----BEGIN PRIVATE KEY-----\nMIIEv-secret-material\n-----END PRIVATE KEY-----");

        assertThatThrownBy(() -> GoogleSettings.from(settings(values)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'service-account-key' is not JSON")
                .message().doesNotContain("secret-material");
    }

    @Test
    void aKeyLackingItsPrivateKeyNamesWhatIsMissing() {
        ObjectNode key = (ObjectNode) JsonMapper.shared().readTree(KEY.json());
        key.remove("private_key");
        var values = valid();
        values.put("service-account-key", key.toString());

        assertThatThrownBy(() -> GoogleSettings.from(settings(values)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("it lacks private_key");
    }

    @Test
    void anUnreadablePrivateKeyIsRefusedWithoutQuotingIt() {
        ObjectNode key = (ObjectNode) JsonMapper.shared().readTree(KEY.json());
        key.put("private_key", "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LXNlY3JldA==\n-----END PRIVATE KEY-----\n");
        var values = valid();
        values.put("service-account-key", key.toString());

        assertThatThrownBy(() -> GoogleSettings.from(settings(values)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("cannot be read as PKCS#8")
                .message().doesNotContain("bm90LWEta2V5LXNlY3JldA");
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        var values = valid();
        values.put("admin-email", "not an address");
        values.put("page-size", "501");
        values.put("base-url", "admin.googleapis.com");
        values.put("request-timeout", "soon");

        assertThatThrownBy(() -> GoogleSettings.from(settings(values)))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).hasSize(4)
                        .anyMatch(p -> p.startsWith("'admin-email'"))
                        .anyMatch(p -> p.startsWith("'page-size' must be between 1 and 500"))
                        .anyMatch(p -> p.startsWith("'base-url'"))
                        .anyMatch(p -> p.startsWith("'request-timeout'")));
    }

    private static Map<String, String> valid() {
        var values = new HashMap<String, String>();
        values.put("service-account-key", KEY.json());
        values.put("admin-email", "admin@acme.com");
        return values;
    }

    private ConnectorSettings settings(Map<String, String> values) {
        return ConnectorSettings.of(factory.type(), factory.configSchema(), values);
    }
}
