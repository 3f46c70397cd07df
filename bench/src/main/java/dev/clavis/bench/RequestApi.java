package dev.clavis.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls of Clavis's REST API the request benchmark makes, on 127.0.0.1. One client, shared by every
 * bench thread: HTTP/1.1 with kept-alive connections, as many as there are threads sending at once.
 *
 * <p>A blocking client, which reads each answer on the thread that sent the call: the benchmark shares
 * Clavis's two cores, and the JDK's client, which hands every call to a selector thread and back, took
 * about twice the CPU per call (README, Performance).
 */
final class RequestApi {

    /** Generous: under full load on two cores an answer can take seconds, and that is what is measured. */
    private static final Timeout TIMEOUT = Timeout.ofSeconds(60);
    private static final ContentType YAML = ContentType.create("application/yaml", StandardCharsets.UTF_8);

    /** More than any run's clients, so a connection is never waited for. */
    private static final int CONNECTIONS = 256;

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(CONNECTIONS)
                    .setMaxConnPerRoute(CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(10))
                            .setSocketTimeout(TIMEOUT)
                            .build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
            .disableAutomaticRetries()
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
    boolean ready() {
        try {
            Response response = send(new HttpGet(base + "/actuator/health/readiness"));
            return response.status() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    String catalog() throws IOException {
        var get = authorized(new HttpGet(base + "/api/v1/catalog"), adminToken);
        get.setHeader("Accept", YAML.getMimeType());
        Response response = send(get);
        expect(response, 200, "GET /api/v1/catalog");
        return response.body();
    }

    void applyCatalog(String yaml) throws IOException {
        var put = authorized(new HttpPut(base + "/api/v1/catalog?dryRun=false"), adminToken);
        put.setEntity(new StringEntity(yaml, YAML));
        expect(send(put), 200, "PUT /api/v1/catalog?dryRun=false");
    }

    /** A new API token of the person, made with the admin token. */
    String token(String email, List<String> scopes) throws IOException {
        Answer answer = post("/api/v1/tokens", adminToken, Map.of("person", email, "scopes", scopes));
        if (!answer.is(201)) {
            throw new IOException("POST /api/v1/tokens for " + email + " answered " + answer.problem());
        }
        return answer.body().path("token").asString();
    }

    Answer submit(String token, String app, String role, String duration) throws IOException {
        return post("/api/v1/requests", token, Map.of("app", app, "role", role, "duration", duration));
    }

    Answer approve(String token, UUID request) throws IOException {
        return post("/api/v1/requests/" + request + "/decision", token,
                Map.of("decision", "approve", "comment", "request benchmark"));
    }

    JsonNode request(UUID id) throws IOException {
        return getJson("/api/v1/requests/" + id);
    }

    JsonNode grant(UUID id) throws IOException {
        return getJson("/api/v1/grants/" + id);
    }

    /** Whether any request is in this status: one indexed row at most, cheap enough to ask every few 100 ms. */
    boolean anyRequest(String status) throws IOException {
        return !getJson("/api/v1/requests?limit=1&status=" + status).path("items").isEmpty();
    }

    boolean anyGrant(String app, String status) throws IOException {
        return !getJson("/api/v1/grants?limit=1&app=" + app + "&status=" + status).path("items").isEmpty();
    }

    /** Every grant of the app, page by page. */
    List<JsonNode> grants(String app) throws IOException {
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

    private JsonNode getJson(String path) throws IOException {
        Response response = send(authorized(new HttpGet(base + path), adminToken));
        expect(response, 200, "GET " + path);
        return json.readTree(response.body());
    }

    private Answer post(String path, String token, Object body) throws IOException {
        var post = authorized(new HttpPost(base + path), token);
        post.setEntity(new StringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
        Response response = send(post);
        JsonNode parsed;
        try {
            parsed = json.readTree(response.body());
        } catch (RuntimeException notJson) {
            parsed = json.missingNode();
        }
        return new Answer(response.status(), parsed);
    }

    private record Response(int status, String body) {}

    private Response send(ClassicHttpRequest request) throws IOException {
        return http.execute(request, response -> new Response(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    private static <T extends ClassicHttpRequest> T authorized(T request, String token) {
        request.setHeader("Authorization", "Bearer " + token);
        return request;
    }

    private static void expect(Response response, int status, String call) throws IOException {
        if (response.status() != status) {
            String body = response.body();
            throw new IOException(call + " answered " + response.status() + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
    }
}
