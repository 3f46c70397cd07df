package dev.clavis.connector.scim;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A SCIM error answer (RFC 7644 section 3.12), thrown inside the simulator and sent as it is. */
final class ScimError extends RuntimeException {

    static final String URN = "urn:ietf:params:scim:api:messages:2.0:Error";

    final int status;
    final @Nullable String scimType;

    ScimError(int status, @Nullable String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(URN);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", getMessage());
        return body;
    }
}
