package dev.clavis.connector.keycloak;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/** The parts of Keycloak's representations the connector reads; unknown fields are ignored. */
final class Representations {

    static final TypeReference<List<User>> USERS = new TypeReference<>() {};
    static final TypeReference<List<Group>> GROUPS = new TypeReference<>() {};
    static final TypeReference<List<Event>> EVENTS = new TypeReference<>() {};

    private Representations() {}

    record User(
            String id,
            @Nullable String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            boolean enabled,
            @Nullable Map<String, List<String>> attributes) {

        @Nullable String attribute(String name) {
            List<String> values = attributes == null ? null : attributes.get(name);
            return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
        }
    }

    /**
     * @param path slash-separated names from the top-level group, e.g. {@code /engineering/admins}
     * @param subGroupCount how many children the group has (absent from a person's groups); Keycloak 23+
     *     lists them only on request
     */
    record Group(String id, String name, @Nullable String path, @Nullable String description,
            @Nullable Long subGroupCount) {

        boolean hasChildren() {
            return subGroupCount != null && subGroupCount > 0;
        }
    }

    /** A stored user event; {@code time} is in epoch milliseconds. */
    record Event(long time, @Nullable String type, @Nullable String userId) {}

    /**
     * The realm's event settings.
     *
     * @param enabledEventTypes the types saved; empty means each type's default, which saves LOGIN
     */
    record EventsConfig(boolean eventsEnabled, @Nullable List<String> enabledEventTypes) {}
}
