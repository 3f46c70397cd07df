package dev.clavis.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls of Clavis's REST API the request benchmark makes, on 127.0.0.1. One client, shared by every
 * bench thread: HTTP/1.1 with kept-alive connections, as many as there are threads sending at once.
 */
final class RequestApi {

    /** Generous: under full load on two cores an answer can take seconds, and that is what is measured. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String YAML = "application/yaml";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String adminToken;

    RequestApi(int port, String adminToken) {
        this.base = "http://127.0.0.1:" + port;
        this.adminToken = adminToken;
    }

    /** An answer: its HTTP status and its JSON body (missing when it had none or none that parses). */
    record Answer(int status, JsonNode body) {

        boolean is(int expected) {
            return status == expected;
        }

        /** For a report of what went wrong: the problem detail's text when there is one. */
        String problem() {
            String detail = body.path("detail").asString("");
            return status + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    /** Whether start-up work (the first sync, the catalog) is done; false while Clavis does not answer yet. */
    boolean ready() throws InterruptedException {
        try {
            var response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    String catalog() throws IOException, InterruptedException {
        var response = http.send(authorized("/api/v1/catalog", adminToken).header("Accept", YAML).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "GET /api/v1/catalog");
        return response.body();
    }

    void applyCatalog(String yaml) throws IOException, InterruptedException {
        var response = http.send(authorized("/api/v1/catalog?dryRun=false", adminToken).header("Content-Type", YAML)
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "PUT /api/v1/catalog?dryRun=false");
    }

    /** A new API token of the person, made with the admin token. */
    String token(String email, List<String> scopes) throws IOException, InterruptedException {
        Answer answer = post("/api/v1/tokens", adminToken, Map.of("person", email, "scopes", scopes));
        if (!answer.is(201)) {
            throw new IOException("POST /api/v1/tokens for " + email + " answered " + answer.problem());
        }
        return answer.body().path("token").asString();
    }

    Answer submit(String token, String app, String role, String duration) throws IOException, InterruptedException {
        return post("/api/v1/requests", token, Map.of("app", app, "role", role, "duration", duration));
    }

    Answer approve(String token, UUID request) throws IOException, InterruptedException {
        return post("/api/v1/requests/" + request + "/decision", token,
                Map.of("decision", "approve", "comment", "request benchmark"));
    }

    JsonNode request(UUID id) throws IOException, InterruptedException {
        return getJson("/api/v1/requests/" + id);
    }

    JsonNode grant(UUID id) throws IOException, InterruptedException {
        return getJson("/api/v1/grants/" + id);
    }

    /** Whether any request is in this status: one indexed row at most, cheap enough to ask every few 100 ms. */
    boolean anyRequest(String status) throws IOException, InterruptedException {
        return !getJson("/api/v1/requests?limit=1&status=" + status).path("items").isEmpty();
    }

    boolean anyGrant(String app, String status) throws IOException, InterruptedException {
        return !getJson("/api/v1/grants?limit=1&app=" + app + "&status=" + status).path("items").isEmpty();
    }

    /** Every grant of the app, page by page. */
    List<JsonNode> grants(String app) throws IOException, InterruptedException {
        var all = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            JsonNode page = getJson("/api/v1/grants?limit=500&app=" + app
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(all::add);
            JsonNode next = page.path("nextCursor");
            cursor = next.isString() ? next.asString() : null;
        } while (cursor != null);
        return all;
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        var response = http.send(authorized(path, adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "GET " + path);
        return json.readTree(response.body());
    }

    private Answer post(String path, String token, Object body) throws IOException, InterruptedException {
        var response = http.send(authorized(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode parsed;
        try {
            parsed = json.readTree(response.body());
        } catch (RuntimeException notJson) {
            parsed = json.missingNode();
        }
        return new Answer(response.statusCode(), parsed);
    }

    private HttpRequest.Builder authorized(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static void expect(HttpResponse<String> response, int status, String call) throws IOException {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IOException(call + " answered " + response.statusCode() + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
    }
}
