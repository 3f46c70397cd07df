package dev.clavis.jira.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handful of Jira calls Clavis makes, for either flavour. Each call is made once; retrying is
 * the queue's job. Credentials never appear in a message.
 */
public class JiraClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE_DESK = "/rest/servicedeskapi";

    private final String base;
    private final JiraFlavor flavor;
    private final String authorization;
    private final HttpClient http;
    private final Clock clock;

    public JiraClient(JiraSettings settings, Clock clock) {
        this.clock = clock;
        this.base = settings.base();
        this.flavor = settings.jiraFlavor();
        this.authorization = switch (flavor) {
            case CLOUD -> "Basic " + Base64.getEncoder().encodeToString(
                    (settings.email().strip() + ":" + settings.apiTokenValue()).getBytes(StandardCharsets.UTF_8));
            case DATA_CENTER -> "Bearer " + settings.patValue();
        };
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public JiraFlavor flavor() {
        return flavor;
    }

    public String base() {
        return base;
    }

    public JsonNode myself() {
        return get(flavor.api() + "/myself");
    }

    public JsonNode project(String key) {
        return get(flavor.api() + "/project/" + path(key));
    }

    public JsonNode fields() {
        return get(flavor.api() + "/field");
    }

    public JsonNode workflows() {
        return get(flavor.api() + "/workflow/search?expand=transitions&maxResults=50");
    }

    public JsonNode serviceDesks() {
        return get(SERVICE_DESK + "/servicedesk");
    }

    public JsonNode requestTypes(String serviceDeskId) {
        return get(SERVICE_DESK + "/servicedesk/" + path(serviceDeskId) + "/requesttype");
    }

    public JsonNode requestTypeFields(String serviceDeskId, String requestTypeId) {
        return get(SERVICE_DESK + "/servicedesk/" + path(serviceDeskId) + "/requesttype/" + path(requestTypeId) + "/field");
    }

    /** The JSM request created: {@code issueId}, {@code issueKey}, {@code _links.web}. */
    public JsonNode createRequest(JsonNode body) {
        return send("POST", SERVICE_DESK + "/request", body).orElseThrow();
    }

    public JsonNode approvals(String issueKey) {
        return get(SERVICE_DESK + "/request/" + path(issueKey) + "/approval");
    }

    public JsonNode transitions(String issueKey) {
        return get(flavor.api() + "/issue/" + path(issueKey) + "/transitions");
    }

    public void transition(String issueKey, String transitionId) {
        send("POST", flavor.api() + "/issue/" + path(issueKey) + "/transitions",
                JSON.createObjectNode().set("transition", JSON.createObjectNode().put("id", transitionId)));
    }

    /** @param body an ADF document for Cloud, a wiki-markup string for Data Center */
    public void comment(String issueKey, JsonNode body) {
        send("POST", flavor.api() + "/issue/" + path(issueKey) + "/comment", JSON.createObjectNode().set("body", body));
    }

    public void setProperty(String issueKey, String property, JsonNode value) {
        send("PUT", flavor.api() + "/issue/" + path(issueKey) + "/properties/" + path(property), value);
    }

    public void editFields(String issueKey, JsonNode fields) {
        send("PUT", flavor.api() + "/issue/" + path(issueKey), JSON.createObjectNode().set("fields", fields));
    }

    /**
     * The Jira user with this email: an account id on Cloud, a user name on Data Center; empty when
     * there is none or Jira does not reveal who has it.
     */
    public Optional<String> userByEmail(String email) {
        String query = flavor == JiraFlavor.CLOUD ? "query=" : "username=";
        for (JsonNode user : get(flavor.api() + "/user/search?" + query + URLEncoder.encode(email, StandardCharsets.UTF_8))) {
            if (email.equalsIgnoreCase(user.path("emailAddress").asString(""))) {
                String id = flavor == JiraFlavor.CLOUD ? user.path("accountId").asString("") : user.path("name").asString("");
                if (!id.isEmpty()) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    private JsonNode get(String pathAndQuery) {
        return send("GET", pathAndQuery, null).orElseThrow();
    }

    private Optional<JsonNode> send(String method, String pathAndQuery, @Nullable JsonNode body) {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new JiraCallFailed(method + " " + pathOnly(pathAndQuery) + ": Jira did not answer (" + e.getMessage() + ")", 0, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraCallFailed(method + " " + pathOnly(pathAndQuery) + ": interrupted", 0, true, null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String text = response.body();
            return Optional.of(text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
        }
        boolean transientFailure = status == 401 || status == 403 || status == 408 || status == 429 || status >= 500;
        Duration retryAfter = response.headers().firstValue("Retry-After").map(value -> retryAfter(value, clock)).orElse(null);
        throw new JiraCallFailed(method + " " + pathOnly(pathAndQuery) + " answered " + status + ": " + errorText(response.body()),
                status, transientFailure, retryAfter);
    }

    /** Jira's {@code errorMessages} and {@code errors}, shortened: they name what was refused, never our secrets. */
    private static String errorText(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        String text = body.strip();
        try {
            JsonNode error = JSON.readTree(text);
            if (error.has("errorMessages") || error.has("errors")) {
                text = (error.path("errorMessages").toString() + " " + error.path("errors").toString()).strip();
            }
        } catch (RuntimeException notJson) {
            // an HTML error page from a proxy: its start says enough
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static @Nullable Duration retryAfter(String value, Clock clock) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private static String pathOnly(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
