package dev.clavis.connector.keycloak.testserver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API as the bootstrap administrator of the master realm; any unexpected answer throws. */
final class AdminHttp {

    /** The master realm's access tokens live 60 seconds; take a new one well before. */
    private static final Duration TOKEN_AGE = Duration.ofSeconds(30);

    final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KeycloakServer server;
    private @Nullable String token;
    private long tokenTakenAt;

    AdminHttp(KeycloakServer server) {
        this.server = server;
    }

    record Answer(int status, String body, @Nullable String location) {}

    JsonNode get(String path) {
        return json.readTree(expect(send("GET", path, null), 200).body());
    }

    Answer send(String method, String path, @Nullable Object body) {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return exchange(request);
    }

    /** A form post without the administrator's token, e.g. a person signing in. */
    Answer postForm(String path, String form) {
        return exchange(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static Answer expect(Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException("Keycloak answered " + answer.status() + ": " + answer.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenTakenAt > TOKEN_AGE.toNanos()) {
            long takenAt = System.nanoTime();
            Answer answer = expect(postForm("/realms/master/protocol/openid-connect/token", "grant_type=password"
                    + "&client_id=admin-cli&username=" + KeycloakServer.ADMIN + "&password="
                    + encode(server.adminPassword())), 200);
            token = json.readTree(answer.body()).path("access_token").asString();
            tokenTakenAt = takenAt;
        }
        return token;
    }

    private Answer exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + server.baseUrl() + " did not answer; see " + server.log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
