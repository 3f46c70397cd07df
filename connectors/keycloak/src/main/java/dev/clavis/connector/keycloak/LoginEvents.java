package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.PermanentConnectorException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in times from the realm's stored LOGIN events: Keycloak records no last login on the user.
 * Events exist only where the realm saves them, and only until they expire (the realm's events
 * expiration), so a person with no stored LOGIN event may have signed in before that.
 */
final class LoginEvents {

    private static final String LOGIN = "LOGIN";

    private final AdminApi api;

    LoginEvents(AdminApi api) {
        this.api = api;
    }

    /** Why this service account cannot read sign-in times of this realm; empty when it can. */
    Optional<String> whyUnavailable() {
        Representations.EventsConfig config;
        try {
            String action = "read the realm's event settings";
            config = api.read(api.get("/events/config", Role.VIEW_EVENTS, action), Representations.EventsConfig.class,
                    action);
        } catch (PermanentConnectorException e) {
            return Optional.of(e.getMessage());
        }
        if (!config.eventsEnabled()) {
            return Optional.of("the realm does not save user events, so Keycloak keeps no sign-in times; turn on"
                    + " Realm settings → Events → User events settings → Save events, with LOGIN among the saved types");
        }
        List<String> types = config.enabledEventTypes();
        if (types != null && !types.isEmpty() && !types.contains(LOGIN)) {
            return Optional.of("the realm saves user events but not LOGIN events, so Keycloak keeps no sign-in times;"
                    + " add LOGIN to the saved types under Realm settings → Events → User events settings");
        }
        return Optional.empty();
    }

    /** The time of the person's latest stored LOGIN event; empty when none is stored. */
    Optional<Instant> latest(String personId) {
        List<Representations.Event> events = api.list(
                "/events" + Paths.query("user", personId, "type", LOGIN, "first", 0, "max", 1),
                Representations.EVENTS, Role.VIEW_EVENTS, "read the LOGIN events of " + personId);
        return events.stream().findFirst().map(event -> Instant.ofEpochMilli(event.time()));
    }
}
