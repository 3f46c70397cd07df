package dev.clavis.connector.google;

import dev.clavis.connector.spi.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The Admin SDK Directory API over plain HTTP: each {@link Call} is sent once with a current access
 * token and its answer returned as it came; only a missing answer throws here. The HTTP client holds
 * no connection between calls that needs closing on Java 17.
 */
final class DirectoryApi {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient http;
    private final String root;
    private final AccessTokens tokens;
    private final Failures failures;
    private final Duration requestTimeout;
    private final Clock clock = Clock.systemUTC();

    DirectoryApi(GoogleSettings settings, AccessTokens tokens, Failures failures) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.root = settings.baseUrl() + "/admin/directory/v1";
        this.tokens = tokens;
        this.failures = failures;
        this.requestTimeout = settings.requestTimeout();
    }

    /**
     * Sends the call and answers Google's response, whatever its status.
     *
     * @param action what the call is for, completing "could not ...", for error messages
     * @throws dev.clavis.connector.spi.TransientConnectorException when no answer arrived
     */
    Response send(Call call, String action) {
        String query = call.queryString();
        var request = HttpRequest.newBuilder(URI.create(root + call.path() + (query.isEmpty() ? "" : "?" + query)))
                .timeout(requestTimeout)
                .header("Authorization", tokens.authorization())
                .header("Accept", "application/json");
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), BodyPublishers.ofString(JSON.writeValueAsString(call.body())));
        } else {
            request.method(call.method(), BodyPublishers.noBody());
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()),
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock));
        } catch (IOException e) {
            throw failures.unanswered(e, action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.unanswered(e, action);
        }
    }

    /** Sends the call and answers its body when it succeeded; any other answer is classified and thrown. */
    JsonNode read(Call call, String action) {
        Response response = send(call, action);
        if (!response.succeeded()) {
            throw failures.of(response, action);
        }
        return response.body();
    }

    Failures failures() {
        return failures;
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
