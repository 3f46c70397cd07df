package dev.clavis.connector.okta;

import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PersonStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Okta's user and group objects in Clavis's words, and back. */
final class OktaObjects {

    /** Okta group types whose members Okta itself manages; any other type is mastered elsewhere. */
    static final String OKTA_GROUP = "OKTA_GROUP";

    /**
     * Statuses in which a person cannot sign in for good until an administrator acts. {@code LOCKED_OUT}
     * is not among them: it ends by itself or with a password reset.
     */
    private static final Set<String> SUSPENDED = Set.of("SUSPENDED", "DEPROVISIONED");

    private OktaObjects() {}

    static DirectoryPerson person(JsonNode user) {
        JsonNode profile = user.path("profile");
        String first = text(profile, "firstName");
        String last = text(profile, "lastName");
        String displayName = text(profile, "displayName");
        if (displayName == null) {
            displayName = first == null ? (last == null ? "" : last) : (last == null ? first : first + " " + last);
        }
        String email = text(profile, "email");
        return new DirectoryPerson(
                user.path("id").asString(),
                email == null ? "" : email,
                displayName,
                text(profile, "department"),
                text(profile, "title"),
                text(profile, "managerId"),
                text(profile, "userType"),
                SUSPENDED.contains(user.path("status").asString("")) ? PersonStatus.SUSPENDED : PersonStatus.ACTIVE,
                lastLogin(user));
    }

    /** Okta sends {@code "lastLogin": null} for someone who never signed in. */
    static @Nullable Instant lastLogin(JsonNode user) {
        String value = text(user, "lastLogin");
        return value == null ? null : Instant.parse(value);
    }

    static DirectoryGroup group(JsonNode group) {
        JsonNode profile = group.path("profile");
        String name = text(profile, "name");
        return new DirectoryGroup(group.path("id").asString(), name == null ? "" : name, text(profile, "description"),
                isOktaMastered(group) ? null : managedElsewhere(group.path("type").asString("")));
    }

    private static String managedElsewhere(String type) {
        return type.equals("APP_GROUP")
                ? "an Okta APP_GROUP: its members are imported from an app such as Active Directory and change there"
                : "an Okta " + (type.isEmpty() ? "group without a type" : type + " group")
                        + ", whose members Okta does not let clients change";
    }

    /** Whether Okta lets clients change the group's members: only its own groups, not imported or built-in ones. */
    static boolean isOktaMastered(JsonNode group) {
        return OKTA_GROUP.equals(group.path("type").asString(""));
    }

    /** The body of a create-user call: the person's profile, their email as their login, no credentials. */
    static Map<String, Object> createUserBody(NewUser user) {
        var profile = new LinkedHashMap<String, Object>();
        profile.put("firstName", user.givenName());
        profile.put("lastName", user.familyName());
        profile.put("email", user.email());
        profile.put("login", user.email());
        putIfPresent(profile, "department", user.department());
        putIfPresent(profile, "title", user.title());
        putIfPresent(profile, "managerId", user.managerId());
        putIfPresent(profile, "userType", user.employeeType());
        return Map.of("profile", profile);
    }

    private static void putIfPresent(Map<String, Object> profile, String name, @Nullable String value) {
        if (value != null) {
            profile.put(name, value);
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
    }
}
