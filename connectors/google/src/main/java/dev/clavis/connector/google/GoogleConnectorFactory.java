package dev.clavis.connector.google;

import dev.clavis.connector.spi.ConfigSchema;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.RateLimit;
import java.time.Duration;
import java.util.Optional;

/** Creates {@link GoogleConnector}s, type {@code google}; settings are described in this module's README. */
public final class GoogleConnectorFactory implements DirectoryConnectorFactory {

    /**
     * Google allows 2,400 Directory API queries per minute per user per Cloud project, the user here
     * being the impersonated administrator. A membership add is two queries (the person's email, then
     * the insert), so membership changes are paced at half that to stay under it when every change is
     * an add.
     */
    static final int QUERIES_PER_MINUTE = 2_400;

    static final RateLimit MEMBERSHIP_CHANGES = new RateLimit(QUERIES_PER_MINUTE / 2, Duration.ofMinutes(1));

    @Override
    public String type() {
        return "google";
    }

    @Override
    public ConfigSchema configSchema() {
        return GoogleSettingsSchema.SCHEMA;
    }

    /** Reads the key and checks the settings; Google is first contacted on use. */
    @Override
    public DirectoryConnector create(ConnectorSettings settings) {
        return new GoogleConnector(GoogleSettings.from(settings));
    }

    @Override
    public Optional<RateLimit> defaultRateLimit() {
        return Optional.of(MEMBERSHIP_CHANGES);
    }
}
