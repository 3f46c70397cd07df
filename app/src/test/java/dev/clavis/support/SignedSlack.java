package dev.clavis.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Calls Clavis's Slack endpoints as Slack does: form-encoded, signed with the app's signing secret. */
public final class SignedSlack {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String secret;

    public SignedSlack(int port, String secret) {
        this.base = "http://127.0.0.1:" + port + "/integrations/slack/";
        this.secret = secret;
    }

    public record Response(int status, String body) {}

    /** A slash command, as Slack posts it. */
    public Response command(String userId, String command, String text, String triggerId, String responseUrl) {
        var form = new LinkedHashMap<String, String>();
        form.put("token", "deprecated-verification-token");
        form.put("team_id", "T0001");
        form.put("team_domain", "acme");
        form.put("channel_id", "C0001");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0001");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return post("commands", form(form), Instant.now(), true);
    }

    /** An interaction ({@code block_actions}, {@code view_submission}, {@code block_suggestion}) as {@code payload=<json>}. */
    public Response interaction(String payloadJson) {
        return post("interactions", form(Map.of("payload", payloadJson)), Instant.now(), true);
    }

    /** Any body, signed as of {@code at}, or not signed at all. */
    public Response post(String endpoint, String body, Instant at, boolean signed) {
        String timestamp = Long.toString(at.getEpochSecond());
        var request = HttpRequest.newBuilder(URI.create(base + endpoint)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signed) {
            request.header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature(secret, timestamp, body));
        }
        return send(request);
    }

    /** Signed with another secret. */
    public Response postSignedWith(String otherSecret, String endpoint, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return send(HttpRequest.newBuilder(URI.create(base + endpoint)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature(otherSecret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Clavis did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
