package dev.clavis.connector.spi;

import java.time.Instant;
import java.util.Optional;

/** A connector that knows when a person last signed in. */
public interface LoginActivity {

    /**
     * The person's last sign-in as the provider recorded it; empty when they never signed in.
     *
     * @throws UnknownPersonException when the person does not exist
     */
    Optional<Instant> lastLogin(String personId);
}
