package dev.clavis.connector.scim;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The PatchOp messages (RFC 7644 section 3.5.2) this connector sends, each with one operation. */
final class PatchOps {

    private PatchOps() {}

    /** Adds a member; a server leaves a member who is already there as they are (section 3.5.2.1). */
    static JsonNode addMember(String personId) {
        ObjectNode operation = operation("add").put("path", "members");
        operation.putArray("value").addObject().put("value", personId);
        return message(operation);
    }

    /**
     * Removes exactly one member by a value filter. Where nobody matches, some servers answer 400 with
     * scimType {@code noTarget} (the error section 3.12 gives for a path filter that matches nothing),
     * others a plain success.
     *
     * @param personLiteral the person's id as a SCIM string literal, quoted and escaped
     */
    static JsonNode removeMember(String personLiteral) {
        return message(operation("remove").put("path", "members[value eq " + personLiteral + "]"));
    }

    /** Stops a user from signing in, reversibly: {@code active} is false (RFC 7643 section 4.1.1). */
    static JsonNode deactivate() {
        return message(operation("replace").put("path", "active").put("value", false));
    }

    private static ObjectNode operation(String op) {
        return JsonNodeFactory.instance.objectNode().put("op", op);
    }

    private static JsonNode message(ObjectNode operation) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.putArray("schemas").add(Urns.PATCH_OP);
        message.putArray("Operations").add(operation);
        return message;
    }
}
