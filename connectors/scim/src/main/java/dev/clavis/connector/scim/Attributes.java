package dev.clavis.connector.scim;

import dev.clavis.connector.spi.PermanentConnectorException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading attributes of SCIM resources as servers send them. */
final class Attributes {

    private Attributes() {}

    /** A resource's id, which RFC 7643 requires; a resource without one is a broken answer. */
    static String id(JsonNode resource, String kind) {
        String id = text(resource, "id");
        if (id == null) {
            throw new PermanentConnectorException("the SCIM server sent a " + kind + " without an id");
        }
        return id;
    }

    /** A string attribute; absent, null and blank values are all "not set". */
    static @Nullable String text(JsonNode node, String attribute) {
        JsonNode value = node.path(attribute);
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }
}
