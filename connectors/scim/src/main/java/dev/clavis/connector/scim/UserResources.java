package dev.clavis.connector.scim;

import static dev.clavis.connector.scim.Attributes.id;
import static dev.clavis.connector.scim.Attributes.text;

import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PersonStatus;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * People as SCIM User resources (RFC 7643 sections 4.1 and 4.3): the core schema and the enterprise
 * extension, in both directions.
 */
final class UserResources {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private UserResources() {}

    /**
     * Email: the primary email, else a work one, else the first, else a userName that is an address.
     * Name: displayName, else name.formatted, else given and family name, else userName. Status: suspended
     * only where {@code active} is false; a server that leaves {@code active} out has no such notion.
     */
    static DirectoryPerson person(JsonNode user) {
        JsonNode enterprise = user.path(Urns.ENTERPRISE_USER);
        return new DirectoryPerson(
                id(user, "user"),
                email(user),
                displayName(user),
                text(enterprise, "department"),
                text(user, "title"),
                managerId(enterprise.path("manager")),
                text(user, "userType"),
                user.path("active").asBoolean(true) ? PersonStatus.ACTIVE : PersonStatus.SUSPENDED,
                null);
    }

    /** The body of {@code POST /Users}: userName and the primary work email are the person's email. */
    static ObjectNode resource(NewUser user) {
        ObjectNode resource = NODES.objectNode();
        var schemas = resource.putArray("schemas").add(Urns.USER);
        resource.put("userName", user.email());
        resource.putObject("name").put("givenName", user.givenName()).put("familyName", user.familyName());
        resource.put("displayName", user.displayName());
        resource.putArray("emails").addObject().put("value", user.email()).put("type", "work").put("primary", true);
        putIfPresent(resource, "title", user.title());
        putIfPresent(resource, "userType", user.employeeType());
        resource.put("active", true);
        if (user.department() != null || user.managerId() != null) {
            schemas.add(Urns.ENTERPRISE_USER);
            ObjectNode enterprise = resource.putObject(Urns.ENTERPRISE_USER);
            putIfPresent(enterprise, "department", user.department());
            if (user.managerId() != null) {
                enterprise.putObject("manager").put("value", user.managerId());
            }
        }
        return resource;
    }

    /** The address a person's email must match to be the same person as an existing user. */
    static String email(JsonNode user) {
        List<JsonNode> emails = new ArrayList<>(user.path("emails").values());
        String value = emails.stream()
                .filter(email -> email.path("primary").asBoolean(false))
                .findFirst()
                .or(() -> emails.stream().filter(email -> "work".equalsIgnoreCase(text(email, "type"))).findFirst())
                .or(() -> emails.stream().findFirst())
                .map(email -> text(email, "value"))
                .orElse(null);
        if (value != null) {
            return value;
        }
        String userName = text(user, "userName");
        return userName != null && userName.contains("@") ? userName : "";
    }

    private static String displayName(JsonNode user) {
        String displayName = text(user, "displayName");
        if (displayName != null) {
            return displayName;
        }
        JsonNode name = user.path("name");
        String formatted = text(name, "formatted");
        if (formatted != null) {
            return formatted;
        }
        String given = text(name, "givenName");
        String family = text(name, "familyName");
        if (given != null || family != null) {
            return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        String userName = text(user, "userName");
        return userName == null ? "" : userName;
    }

    /** The manager's id is {@code manager.value}; a server that sends only {@code $ref} names it in the URI's last segment. */
    private static @Nullable String managerId(JsonNode manager) {
        String value = text(manager, "value");
        if (value != null) {
            return value;
        }
        String ref = text(manager, "$ref");
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static void putIfPresent(ObjectNode node, String attribute, @Nullable String value) {
        if (value != null) {
            node.put(attribute, value);
        }
    }
}
