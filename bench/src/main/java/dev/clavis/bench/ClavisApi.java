package dev.clavis.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of Clavis's REST API the benchmark makes, on 127.0.0.1, as the bootstrap admin. */
final class ClavisApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String token;

    ClavisApi(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** The last finished sync, or empty while there is none or Clavis does not answer yet. */
    Optional<SyncRecord> lastSync() throws InterruptedException {
        return directory("lastSync");
    }

    /** The sync queued or running, or empty when there is none or Clavis does not answer. */
    Optional<SyncRecord> currentSync() throws InterruptedException {
        return directory("currentSync");
    }

    private Optional<SyncRecord> directory(String field) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(get("/api/v1/directory"), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode sync = json.readTree(response.body()).path(field);
            return sync.isObject() ? Optional.of(SyncRecord.of(sync)) : Optional.empty();
        } catch (IOException notListening) {
            return Optional.empty();
        }
    }

    /** Asks for a sync and answers its id; Clavis answers 202 at once and syncs in the background. */
    UUID requestSync() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/directory/sync"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException("POST /api/v1/directory/sync answered " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString(json.readTree(response.body()).path("syncId").asString());
    }

    SyncRecord sync(UUID id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get("/api/v1/directory/sync/" + id), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/v1/directory/sync/" + id + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return SyncRecord.of(json.readTree(response.body()));
    }

    /** The Prometheus text exposition; it needs no token. */
    String prometheus() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /actuator/prometheus answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
