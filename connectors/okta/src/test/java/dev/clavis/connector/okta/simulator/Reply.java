package dev.clavis.connector.okta.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One answer of the simulator: status, headers, JSON body ({@code null} for none). */
record Reply(int status, Map<String, String> headers, JsonNode body) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Reply of(int status, JsonNode body) {
        return new Reply(status, new LinkedHashMap<>(), body);
    }

    static Reply noContent() {
        return new Reply(204, new LinkedHashMap<>(), null);
    }

    static Reply okWithoutBody() {
        return new Reply(200, new LinkedHashMap<>(), null);
    }

    /** Okta's error object: errorCode, errorSummary, errorLink, errorId, errorCauses. */
    static Reply error(int status, String code, String summary, String... causes) {
        ObjectNode error = JSON.createObjectNode();
        error.put("errorCode", code);
        error.put("errorSummary", summary);
        error.put("errorLink", code);
        error.put("errorId", "oae" + UUID.randomUUID().toString().replace("-", "").substring(0, 19));
        ArrayNode list = error.putArray("errorCauses");
        for (String cause : causes) {
            list.addObject().put("errorSummary", cause);
        }
        return of(status, error);
    }

    static Reply notFound(String id, String kind) {
        return error(404, "E0000007", "Not found: Resource not found: " + id + " (" + kind + ")");
    }

    Reply with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    String bodyText() {
        return body == null ? "" : JSON.writeValueAsString(body);
    }
}
