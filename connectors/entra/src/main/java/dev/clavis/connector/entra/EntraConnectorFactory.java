package dev.clavis.connector.entra;

import dev.clavis.connector.spi.ConfigSchema;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.RateLimit;
import java.time.Duration;
import java.util.Optional;

/** Creates {@link EntraConnector}s, type {@code entra}; settings are described in this module's README. */
public final class EntraConnectorFactory implements DirectoryConnectorFactory {

    /**
     * Graph's identity and access service limit for writes: 3,000 requests per 2 minutes 30 seconds per
     * app and tenant (the limit of its largest tenants; smaller tenants are allowed less, and Graph answers
     * 429 with Retry-After when a client goes past it).
     */
    static final RateLimit WRITES = new RateLimit(3_000, Duration.ofSeconds(150));

    @Override
    public String type() {
        return "entra";
    }

    @Override
    public ConfigSchema configSchema() {
        return EntraSettingsSchema.SCHEMA;
    }

    /** Checks the settings and reads the credential; Entra ID and Graph are first contacted on use. */
    @Override
    public DirectoryConnector create(ConnectorSettings settings) {
        return new EntraConnector(EntraSettings.from(settings));
    }

    @Override
    public Optional<RateLimit> defaultRateLimit() {
        return Optional.of(WRITES);
    }
}
