package dev.clavis.connector.okta;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Okta's management API over HTTP: one call at a time, authenticated, answered as JSON. Unreachable or
 * slow servers become transient exceptions here; what an answer's status means is for the caller and
 * {@link OktaFailures} to say.
 */
final class OktaApi {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    /** An access token is renewed this long before Okta says it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    private final URI baseUrl;
    private final OktaCredentials.Source credentials;
    private final Duration responseTimeout;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final OktaFailures failures;
    private @Nullable AccessToken accessToken;

    OktaApi(OktaSettings settings, Clock clock) {
        this.baseUrl = settings.baseUrl();
        this.credentials = settings.credentials();
        this.responseTimeout = settings.responseTimeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.failures = new OktaFailures(clock, credentials instanceof OktaCredentials.ApiToken
                ? "CLAVIS_OKTA_API_TOKEN (is it revoked, or its admin deactivated?)"
                : "CLAVIS_OKTA_CLIENT_ID, CLAVIS_OKTA_PRIVATE_KEY and CLAVIS_OKTA_KEY_ID");
    }

    /** An answer of any status; {@code body} is a missing node when there was none. */
    record Answer(int status, HttpHeaders headers, JsonNode body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    OktaFailures failures() {
        return failures;
    }

    /** A URI of this org from a path and query parameters, which are encoded here. */
    URI uri(String path, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
        return baseUrl.resolve(path + (encoded.isEmpty() ? "" : "?" + encoded));
    }

    Answer get(URI uri, String action) {
        return send("GET", uri, null, action);
    }

    /** Sends the call; throws only when no answer came. */
    Answer send(String method, URI uri, @Nullable Object body, String action) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(responseTimeout)
                .header("Accept", "application/json")
                .header("Authorization", authorization(action));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, BodyPublishers.noBody());
        }
        return exchange(request.build(), action);
    }

    /** Answers the call's answer, or the classified failure when it is not a success. */
    Answer expectSuccess(Answer answer, String action) {
        if (!answer.isSuccess()) {
            throw failures.classify(answer, action);
        }
        return answer;
    }

    /**
     * The next page's URI from the {@code Link} header, if there is a next page. A link to another origin
     * is refused: following it would send the credentials there.
     */
    Optional<URI> next(Answer answer) {
        for (String link : answer.headers().allValues("Link")) {
            Matcher matcher = NEXT_LINK.matcher(link);
            if (matcher.find()) {
                URI next = URI.create(matcher.group(1));
                if (!sameOrigin(next)) {
                    throw new PermanentConnectorException("Okta's next-page link points away from " + baseUrl
                            + "; set CLAVIS_OKTA_BASE_URL to the URL Okta serves its API on");
                }
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    private boolean sameOrigin(URI other) {
        return baseUrl.getScheme().equalsIgnoreCase(other.getScheme())
                && baseUrl.getHost().equalsIgnoreCase(other.getHost())
                && baseUrl.getPort() == other.getPort();
    }

    private Answer exchange(HttpRequest request, String action) {
        try {
            var response = http.send(request, BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), parse(response.body()));
        } catch (HttpTimeoutException e) {
            throw new TransientConnectorException("could not " + action + ": Okta did not answer within "
                    + responseTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new TransientConnectorException("could not " + action + ": no answer from " + baseUrl + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientConnectorException("could not " + action + ": interrupted while waiting for Okta", e);
        }
    }

    private JsonNode parse(String body) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    private String authorization(String action) {
        if (credentials instanceof OktaCredentials.ApiToken token) {
            return token.authorization();
        }
        return "Bearer " + accessToken((OktaCredentials.ServiceApp) credentials, action);
    }

    /** Okta's org authorization server's token for the service app, renewed shortly before it expires. */
    private synchronized String accessToken(OktaCredentials.ServiceApp app, String action) {
        Instant now = clock.instant();
        if (accessToken != null && now.isBefore(accessToken.renewAt())) {
            return accessToken.value();
        }
        URI endpoint = baseUrl.resolve("/oauth2/v1/token");
        String form = "grant_type=client_credentials"
                + "&scope=" + URLEncoder.encode(app.scopes(), StandardCharsets.UTF_8)
                + "&client_assertion_type=" + URLEncoder.encode(
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + app.clientAssertion(endpoint, now);
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(responseTimeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form))
                .build();
        Answer answer = exchange(request, "get an access token to " + action);
        if (!answer.isSuccess()) {
            throw tokenRefused(answer);
        }
        String value = answer.body().path("access_token").asString("");
        long expiresIn = answer.body().path("expires_in").asLong(3600);
        if (value.isEmpty()) {
            throw new TransientConnectorException("Okta's token endpoint answered without an access token", null);
        }
        accessToken = new AccessToken(value, now.plusSeconds(expiresIn).minus(TOKEN_MARGIN));
        return value;
    }

    private ConnectorException tokenRefused(Answer answer) {
        if (answer.status() == 429 || answer.status() >= 500) {
            return failures.classify(answer, "get an access token");
        }
        String error = answer.body().path("error").asString("");
        String description = answer.body().path("error_description").asString("");
        return new PermanentConnectorException("Okta refused the service app's client assertion (" + answer.status()
                + (error.isEmpty() ? "" : " " + error) + (description.isEmpty() ? "" : ": " + description)
                + "): check CLAVIS_OKTA_CLIENT_ID, CLAVIS_OKTA_PRIVATE_KEY, CLAVIS_OKTA_KEY_ID and CLAVIS_OKTA_SCOPES,"
                + " and that the app has the public key and is granted those scopes");
    }

    private record AccessToken(String value, Instant renewAt) {

        @Override
        public String toString() {
            return "AccessToken{renewAt=" + renewAt + "}";
        }
    }
}
