package dev.clavis.connector.scim;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The server's answer to one request, whatever its status. Callers look at the statuses they expect
 * (a 404 that means "no such group") and hand every other failure to {@link #body(String)}.
 *
 * @param json the body, if it was JSON
 * @param text the body as sent, for answers that are not JSON
 */
record Reply(int status, HttpHeaders headers, @Nullable JsonNode json, String text, ScimFailures failures) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isNotFound() {
        return status == 404;
    }

    /** The SCIM error's {@code scimType} (RFC 7644 section 3.12), if the answer is such an error. */
    @Nullable String scimType() {
        return json != null && json.path("scimType").isString() ? json.path("scimType").stringValue() : null;
    }

    /** This failed answer as a transient or permanent connector exception. */
    ConnectorException failure(String action) {
        return failures.classify(this, action);
    }

    /**
     * The body of a successful answer; an empty object for 204.
     *
     * @param action what was being done, completing "could not ...", for the error message
     * @throws ConnectorException classified, for any other answer
     */
    JsonNode body(String action) {
        if (!isSuccess()) {
            throw failure(action);
        }
        if (json != null) {
            return json;
        }
        if (text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        throw new PermanentConnectorException("could not " + action + ": the SCIM server answered " + status
                + " with a body that is not JSON");
    }
}
