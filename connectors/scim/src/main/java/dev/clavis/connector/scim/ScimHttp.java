package dev.clavis.connector.scim;

import dev.clavis.connector.spi.TransientConnectorException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends SCIM requests with the bearer token and answers each with a {@link Reply}, whatever its status.
 * Paced under the rate-limit setting, if one is set. Never retries.
 */
final class ScimHttp {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    private final RestClient client;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ScimFailures failures;
    private final @Nullable RateLimiter pace;

    ScimHttp(ScimSettings settings, ScimFailures failures) {
        this.failures = failures;
        var httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var requests = new JdkClientHttpRequestFactory(httpClient);
        requests.setReadTimeout(settings.responseTimeout());
        // every variable is encoded whole: an id holding "/" or "?" stays one path segment
        var uris = new DefaultUriBuilderFactory(settings.baseUrl().toString());
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
        this.client = RestClient.builder()
                .requestFactory(requests)
                .uriBuilderFactory(uris)
                .defaultHeader("Authorization", "Bearer " + settings.token())
                .defaultHeader("Accept", SCIM_JSON + ", " + MediaType.APPLICATION_JSON)
                .build();
        this.pace = settings.requestsPerSecond() > 0 ? pace(settings) : null;
    }

    /**
     * @param path a URI template relative to the base URL, e.g. {@code /Groups/{id}?attributes={attributes}}
     * @param variables its variables, each encoded whole
     * @param action what the request does, completing "could not ...", for error messages
     */
    Reply get(String path, Map<String, ?> variables, String action) {
        return send(HttpMethod.GET, path, variables, null, action);
    }

    Reply post(String path, Map<String, ?> variables, JsonNode body, String action) {
        return send(HttpMethod.POST, path, variables, body, action);
    }

    Reply patch(String path, Map<String, ?> variables, JsonNode body, String action) {
        return send(HttpMethod.PATCH, path, variables, body, action);
    }

    /** A filter or path value as a SCIM string literal: JSON's quoting and escapes (RFC 7644 section 3.4.2.2). */
    String literal(String value) {
        return json.writeValueAsString(value);
    }

    private Reply send(HttpMethod method, String path, Map<String, ?> variables, @Nullable JsonNode body,
            String action) {
        awaitPace(action);
        var request = client.method(method).uri(path, variables);
        if (body != null) {
            request = request.contentType(SCIM_JSON).body(json.writeValueAsBytes(body));
        }
        try {
            return request.exchange((sent, response) -> {
                String text = read(response.getBody());
                return new Reply(response.getStatusCode().value(), response.getHeaders(), parse(text), text, failures);
            });
        } catch (ResourceAccessException e) {
            IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw failures.unanswered(cause, action);
        }
    }

    private void awaitPace(String action) {
        if (pace != null && !pace.acquirePermission()) {
            throw new TransientConnectorException("could not " + action + ": the connector's own pace"
                    + " (CLAVIS_SCIM_RATE_LIMIT) had no room for the request in time", null);
        }
    }

    private static String read(InputStream body) throws IOException {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private @Nullable JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static RateLimiter pace(ScimSettings settings) {
        Duration interval = Duration.ofNanos(Math.max(1, (long) (1e9 / settings.requestsPerSecond())));
        var config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(interval)
                .timeoutDuration(interval.plus(settings.responseTimeout()))
                .build();
        return RateLimiter.of("scim-" + settings.baseUrl(), config);
    }
}
