package dev.clavis.connector.google;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Google's answer to a {@link Call}.
 *
 * @param body the parsed JSON, or a missing node when the answer had none or was not JSON
 * @param retryAfter what a {@code Retry-After} header asked for, where one was sent
 */
record Response(int status, JsonNode body, Optional<Duration> retryAfter) {

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The first of Google's error reasons, e.g. {@code userRateLimitExceeded}; empty when none. */
    String reason() {
        return body.path("error").path("errors").path(0).path("reason").asString("");
    }

    /** Google's error message; empty when none. */
    String message() {
        return body.path("error").path("message").asString("");
    }
}
