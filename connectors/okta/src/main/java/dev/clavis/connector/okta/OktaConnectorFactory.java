package dev.clavis.connector.okta;

import dev.clavis.connector.spi.ConfigSchema;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Creates {@link OktaConnector}s, type {@code okta}; settings are described in this module's README. */
public final class OktaConnectorFactory implements DirectoryConnectorFactory {

    /**
     * Okta's per-minute limit for the group membership endpoints of most orgs. Okta counts each endpoint
     * family on its own, so the reads a write needs (the person's groups) draw on another budget.
     */
    static final RateLimit MEMBERSHIP_WRITES = new RateLimit(600, Duration.ofMinutes(1));

    @Override
    public String type() {
        return "okta";
    }

    @Override
    public ConfigSchema configSchema() {
        return OktaSettingsSchema.SCHEMA;
    }

    /** Checks the settings and reads the private key; Okta is first contacted on use. */
    @Override
    public DirectoryConnector create(ConnectorSettings settings) {
        return new OktaConnector(OktaSettings.from(settings), Clock.systemUTC());
    }

    @Override
    public Optional<RateLimit> defaultRateLimit() {
        return Optional.of(MEMBERSHIP_WRITES);
    }
}
