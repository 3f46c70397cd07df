package dev.clavis.connector.entra;

import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The few HTTP calls the connector makes to Graph, each with a current app-only token. Transport
 * failures become connector exceptions here; answers of every status are returned for the caller to
 * interpret, since Graph's 400 and 404 mean different things for different calls.
 */
final class GraphClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final EntraSettings settings;
    private final TokenSource tokens;
    private final GraphFailures failures;
    private final HttpClient http;
    private final Clock clock;

    GraphClient(EntraSettings settings, TokenSource tokens, GraphFailures failures, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.failures = failures;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .sslContext(settings.tls())
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A Graph URL: {@code path} below graph-base-url, with query options in the given order. */
    URI url(String path, Map<String, String> query) {
        String options = query.entrySet().stream()
                .map(option -> option.getKey() + "=" + encode(option.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(settings.graphBaseUrl() + path + (options.isEmpty() ? "" : "?" + options));
    }

    /** An object's URL as Graph wants it in {@code @odata.id} of a reference. */
    String directoryObjectUrl(String id) {
        return settings.graphBaseUrl() + "/directoryObjects/" + encode(id);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A successful answer's body, or the classified failure. */
    JsonNode get(URI url, GraphAction action) {
        GraphResponse response = send("GET", url, null, action);
        if (!response.isSuccess()) {
            throw failures.classify(response, action);
        }
        return response.body();
    }

    GraphResponse send(String method, URI url, @Nullable JsonNode body, GraphAction action) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + tokens.accessToken())
                .header("Accept", "application/json")
                .header("client-request-id", UUID.randomUUID().toString());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failures.transport(e, action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.transport(new IOException("interrupted", e), action);
        }
        return new GraphResponse(response.statusCode(), json(response.body()),
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock).orElse(null));
    }

    /**
     * The next page's URL from {@code @odata.nextLink} (or, at the end of a delta round,
     * {@code @odata.deltaLink}), used exactly as Graph gave it. A link away from graph-base-url is refused:
     * following it would send the access token elsewhere.
     */
    @Nullable URI link(JsonNode page, String name) {
        JsonNode link = page.path(name);
        if (!link.isString()) {
            return null;
        }
        return ownLink(link.asString(), "Graph answered a " + name);
    }

    /**
     * A URL to send the token to, which must lie below graph-base-url.
     *
     * @param what says where the URL came from, for the error message
     */
    URI ownLink(String url, String what) {
        if (!url.startsWith(settings.graphBaseUrl() + "/")) {
            throw new PermanentConnectorException(what + " outside graph-base-url " + settings.graphBaseUrl()
                    + "; it is not followed, since that would send the access token elsewhere");
        }
        return URI.create(url);
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
