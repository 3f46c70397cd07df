package dev.clavis.connector.entra;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One answer from Graph.
 *
 * @param body the JSON body; a {@link MissingNode} when there is none or it is not JSON
 * @param retryAfter Graph's {@code Retry-After}, where it sent one
 */
record GraphResponse(int status, JsonNode body, @Nullable Duration retryAfter) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Graph's error code, e.g. {@code Request_ResourceNotFound}; empty when the body is no Graph error. */
    String errorCode() {
        return body.path("error").path("code").asString("");
    }

    String errorMessage() {
        return body.path("error").path("message").asString("");
    }
}
