package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.RetryAfter;
import dev.clavis.connector.spi.TransientConnectorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Sends requests to Keycloak and classifies what cannot be an answer: no connection, a timeout, a
 * 5xx or a 429 are transient (with Keycloak's or a proxy's {@code Retry-After}); a failed TLS
 * handshake is permanent. Every other status is handed back for the caller to read.
 */
final class Transport implements AutoCloseable {

    private final HttpClient http;
    private final ExecutorService executor;
    private final Duration requestTimeout;
    private final String baseUrl;
    final JsonMapper json = JsonMapper.builder().build();

    Transport(KeycloakSettings settings) {
        this.executor = Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "keycloak-connector-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.requestTimeout = settings.requestTimeout();
        this.baseUrl = settings.baseUrl().toString();
    }

    /**
     * @param action what the request does, completing "could not ...", for messages
     */
    Answer send(HttpRequest.Builder request, String action) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(requestTimeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new TransientConnectorException("could not " + action + ": no connection to Keycloak at " + baseUrl
                    + " within the connect-timeout", e);
        } catch (HttpTimeoutException e) {
            throw new TransientConnectorException("could not " + action + ": Keycloak at " + baseUrl
                    + " did not answer within the request-timeout", e);
        } catch (SSLHandshakeException e) {
            throw new PermanentConnectorException("could not " + action + ": TLS with Keycloak at " + baseUrl
                    + " failed; check that the JVM trusts its certificate and that it names the host in base-url", e);
        } catch (ConnectException e) {
            throw new TransientConnectorException("could not " + action + ": Keycloak at " + baseUrl
                    + " refused the connection or cannot be reached", e);
        } catch (IOException e) {
            throw new TransientConnectorException("could not " + action + ": the connection to Keycloak at " + baseUrl
                    + " failed (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientConnectorException("could not " + action + ": interrupted", e);
        }
        var answer = new Answer(response.statusCode(), response.body(), response.headers(), json);
        if (answer.status() >= 500 || answer.status() == 429) {
            throw new TransientConnectorException("could not " + action + ": Keycloak answered " + answer.status()
                    + answer.keycloakSaid(), retryAfter(answer.headers()).orElse(null), null);
        }
        return answer;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        return RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), Clock.systemUTC());
    }

    record Answer(int status, String body, HttpHeaders headers, JsonMapper mapper) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON; a missing node where it is empty or not JSON (a proxy's HTML page). */
        JsonNode json() {
            if (body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return mapper.readTree(body);
            } catch (JacksonException e) {
                return MissingNode.getInstance();
            }
        }

        /** Keycloak's own explanation, as "; ..." to append to a message, or nothing. */
        String keycloakSaid() {
            JsonNode json = json();
            for (String field : new String[] {"errorMessage", "error_description", "error"}) {
                @Nullable String text = json.path(field).asString(null);
                if (text != null && !text.isBlank()) {
                    return "; Keycloak said: " + abbreviate(text);
                }
            }
            return "";
        }

        /** The id at the end of a {@code Location} header, as Keycloak answers a create. */
        Optional<String> createdId() {
            return headers.firstValue("Location").map(location -> location.substring(location.lastIndexOf('/') + 1));
        }

        private static String abbreviate(String text) {
            return text.length() <= 300 ? text : text.substring(0, 300) + "…";
        }
    }
}
