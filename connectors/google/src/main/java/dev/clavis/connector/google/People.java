package dev.clavis.connector.google;

import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PersonStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads Google's User resource as a {@link DirectoryPerson}. */
final class People {

    private People() {}

    static DirectoryPerson person(JsonNode user, ManagerIds managers) {
        JsonNode organization = primary(user.path("organizations"));
        String managerEmail = manager(user.path("relations"));
        boolean suspended = user.path("suspended").asBoolean(false) || user.path("archived").asBoolean(false);
        return new DirectoryPerson(
                user.path("id").asString(),
                user.path("primaryEmail").asString(""),
                displayName(user.path("name")),
                text(organization, "department"),
                text(organization, "title"),
                managerEmail == null ? null : managers.idOf(managerEmail).orElse(null),
                text(organization, "description"),
                suspended ? PersonStatus.SUSPENDED : PersonStatus.ACTIVE,
                lastLogin(user));
    }

    /**
     * Google reports {@code 1970-01-01T00:00:00.000Z} for someone who never signed in; that, a missing
     * value and an unreadable one all mean "never".
     */
    static @Nullable Instant lastLogin(JsonNode user) {
        String value = user.path("lastLoginTime").asString("");
        if (value.isEmpty()) {
            return null;
        }
        try {
            Instant at = Instant.parse(value);
            return at.equals(Instant.EPOCH) ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String displayName(JsonNode name) {
        String full = name.path("fullName").asString("");
        if (!full.isBlank()) {
            return full;
        }
        return (name.path("givenName").asString("") + " " + name.path("familyName").asString("")).strip();
    }

    /** The organization marked primary, else the first; department and title live there. */
    private static JsonNode primary(JsonNode organizations) {
        for (JsonNode organization : organizations) {
            if (organization.path("primary").asBoolean(false)) {
                return organization;
            }
        }
        return organizations.path(0);
    }

    private static @Nullable String manager(JsonNode relations) {
        for (JsonNode relation : relations) {
            if (relation.path("type").asString("").equals("manager")) {
                String value = relation.path("value").asString("");
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }

    private static @Nullable String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        return value.isBlank() ? null : value;
    }
}
