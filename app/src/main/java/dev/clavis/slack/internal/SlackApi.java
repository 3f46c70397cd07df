package dev.clavis.slack.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's Web API: a method name and its arguments, form-encoded as Slack documents them, answered
 * with Slack's JSON or one of three failures the caller can act on: wait ({@link RateLimited}), try
 * again later ({@link Unavailable}), or give up ({@link Refused}, Slack's {@code "ok": false}).
 */
@Component
@OnSlack
class SlackApi {

    private final RestClient http;
    private final JsonMapper json;
    private final String token;
    private final String base;

    SlackApi(SlackSettings settings, JsonMapper json) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(requests).build();
        this.json = json;
        this.token = settings.botToken();
        this.base = settings.apiBaseUrl();
    }

    /** Calls a method with the bot token. Values other than strings are sent as JSON (blocks, views). */
    JsonNode call(String method, Map<String, ?> arguments) {
        return post(URI.create(base + method), "Bearer " + token, arguments);
    }

    /** Answers an interaction through the {@code response_url} Slack gave with it (JSON, no token). */
    void respond(String responseUrl, Map<String, ?> message) {
        try {
            http.post().uri(URI.create(responseUrl)).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(message))
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> { throw failure(response.getStatusCode().value(),
                            response.getHeaders().getFirst("Retry-After"), "response_url"); })
                    .toBodilessEntity();
        } catch (ResourceAccessException e) {
            throw new Unavailable("response_url did not answer: " + e.getMessage());
        }
    }

    private JsonNode post(URI uri, String authorization, Map<String, ?> arguments) {
        var form = new LinkedMultiValueMap<String, String>();
        arguments.forEach((name, value) -> form.add(name, value instanceof String text ? text : json.writeValueAsString(value)));
        String method = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        String body;
        try {
            body = http.post().uri(uri).header("Authorization", authorization)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> { throw failure(response.getStatusCode().value(),
                            response.getHeaders().getFirst("Retry-After"), method); })
                    .body(String.class);
        } catch (ResourceAccessException e) {
            throw new Unavailable(method + ": Slack did not answer: " + e.getMessage());
        }
        JsonNode answer = json.readTree(body == null ? "{}" : body);
        if (!answer.path("ok").asBoolean(false)) {
            throw new Refused(method, answer.path("error").asString("unknown_error"));
        }
        return answer;
    }

    private static RuntimeException failure(int status, @Nullable String retryAfter, String method) {
        if (status == 429) {
            return new RateLimited(method, parseSeconds(retryAfter));
        }
        if (status >= 500 || status == 408) {
            return new Unavailable(method + ": Slack answered " + status);
        }
        return new Refused(method, "http_" + status);
    }

    private static Duration parseSeconds(@Nullable String retryAfter) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter == null ? "" : retryAfter.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(30);
        }
    }

    /** Slack said to wait ({@code 429} with {@code Retry-After}). */
    static final class RateLimited extends RuntimeException {
        final Duration retryAfter;

        RateLimited(String method, Duration retryAfter) {
            super(method + ": rate limited for " + retryAfter);
            this.retryAfter = retryAfter;
        }
    }

    /** Slack could not be reached or failed: worth trying again. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** Slack refused the call ({@code "ok": false}); trying again will not help. */
    static final class Refused extends RuntimeException {
        final String error;

        Refused(String method, String error) {
            super(method + ": " + error);
            this.error = error;
        }
    }
}
