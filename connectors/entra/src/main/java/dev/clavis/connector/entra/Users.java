package dev.clavis.connector.entra;

import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PersonStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** How Graph's user resource maps to a {@link DirectoryPerson}. */
final class Users {

    /** The user properties a person is made of; {@code mail} falls back to {@code userPrincipalName}. */
    static final String FIELDS = "id,mail,userPrincipalName,displayName,department,jobTitle,employeeType,accountEnabled";

    static final String SIGN_IN_ACTIVITY = "signInActivity";

    /** Graph's page limit for reads of users that select signInActivity. */
    static final int SIGN_IN_ACTIVITY_PAGE_LIMIT = 120;

    /** What Graph answers in signInActivity for a user who never signed in. */
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private Users() {}

    /** The query of a read of people: their properties, their manager's id, and sign-in activity if wanted. */
    static Map<String, String> query(boolean withSignInActivity, int top) {
        var query = new LinkedHashMap<String, String>();
        query.put("$select", withSignInActivity ? FIELDS + "," + SIGN_IN_ACTIVITY : FIELDS);
        query.put("$expand", "manager($select=id)");
        query.put("$top", Integer.toString(top));
        return query;
    }

    static DirectoryPerson person(JsonNode user) {
        String principal = text(user, "userPrincipalName");
        String mail = text(user, "mail");
        String email = mail != null ? mail : principal != null ? principal : "";
        String displayName = text(user, "displayName");
        return new DirectoryPerson(
                user.path("id").asString(),
                email,
                displayName != null ? displayName : email,
                text(user, "department"),
                text(user, "jobTitle"),
                text(user.path("manager"), "id"),
                text(user, "employeeType"),
                user.path("accountEnabled").asBoolean(true) ? PersonStatus.ACTIVE : PersonStatus.SUSPENDED,
                lastSignIn(user).orElse(null));
    }

    /**
     * The user's last interactive sign-in; empty when signInActivity is absent (not selected, or the
     * user never signed in) or holds Graph's "never", {@code 0001-01-01T00:00:00Z}.
     */
    static Optional<Instant> lastSignIn(JsonNode user) {
        String value = text(user.path(SIGN_IN_ACTIVITY), "lastSignInDateTime");
        if (value == null) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(value);
            return at.equals(NEVER) ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
