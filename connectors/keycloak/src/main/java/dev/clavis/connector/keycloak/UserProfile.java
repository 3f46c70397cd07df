package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.PermanentConnectorException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The realm's user profile, which since Keycloak 24 decides which user attributes are kept: one it
 * does not declare is silently dropped on every write, unless unmanaged attributes are allowed.
 */
final class UserProfile {

    /** Unmanaged-attribute policies under which an administrator's writes keep undeclared attributes. */
    private static final Set<String> KEEPS_UNDECLARED = Set.of("ENABLED", "ADMIN_EDIT");

    private final AdminApi api;

    UserProfile(AdminApi api) {
        this.api = api;
    }

    /** Which of the connector's attributes Keycloak would drop, and how to fix it; empty when none, or when the profile cannot be read. */
    Optional<String> whyAttributesAreDropped() {
        JsonNode profile;
        try {
            Transport.Answer answer = api.get("/users/profile", Role.VIEW_USERS, "read the realm's user profile");
            if (!answer.ok()) {
                return Optional.empty(); // a server older than the declarative user profile keeps every attribute
            }
            profile = answer.json();
        } catch (PermanentConnectorException e) {
            return Optional.empty();
        }
        if (KEEPS_UNDECLARED.contains(profile.path("unmanagedAttributePolicy").asString(""))) {
            return Optional.empty();
        }
        Set<String> declared = new HashSet<>();
        profile.path("attributes").forEach(attribute -> declared.add(attribute.path("name").asString("")));
        List<String> undeclared = Attributes.ALL.stream().filter(name -> !declared.contains(name)).toList();
        if (undeclared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the realm's user profile does not declare " + String.join(", ", undeclared)
                + ", so Keycloak drops those attributes: people are read and created without them; declare them"
                + " under Realm settings → User profile");
    }
}
