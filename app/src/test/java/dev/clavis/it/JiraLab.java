package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.clavis.support.Api;
import dev.clavis.support.JiraSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Clavis wired to a simulated Jira: lab people (managed by Maria) who are Jira customers too, a lab
 * app whose roles the request type's options name, and the webhook as Jira delivers it.
 */
abstract class JiraLab extends RunningClavis {

    static final String SECRET = "jira-webhook-secret-5f1c";
    static final String MARIA = "maria.lopez@acme.test";
    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static final String GROUPS = "ou=groups," + BASE_DN;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static void jiraSettings(DynamicPropertyRegistry registry, JiraSimulator jira, String flavor) {
        registry.add("clavis.jira.base-url", jira::baseUrl);
        registry.add("clavis.jira.flavor", () -> flavor);
        registry.add("clavis.jira.email", () -> "clavis-bot@acme.test");
        registry.add("clavis.jira.api-token", () -> "cloud-api-token");
        registry.add("clavis.jira.pat", () -> "datacenter-pat");
        registry.add("clavis.jira.webhook-secret", () -> SECRET);
        registry.add("clavis.jira.project", () -> JiraSimulator.PROJECT);
        registry.add("clavis.jira.request-type", () -> JiraSimulator.REQUEST_TYPE);
        registry.add("clavis.jira.fields.app", () -> JiraSimulator.APP_FIELD);
        registry.add("clavis.jira.fields.role", () -> JiraSimulator.ROLE_FIELD);
        registry.add("clavis.jira.fields.duration", () -> JiraSimulator.DURATION_FIELD);
        registry.add("clavis.jira.fields.justification", () -> JiraSimulator.JUSTIFICATION_FIELD);
        registry.add("clavis.jira.fields.approvers", () -> JiraSimulator.APPROVERS_FIELD);
        registry.add("clavis.jira.transitions.approved", () -> "Approve");
        registry.add("clavis.jira.transitions.granted", () -> "Grant access");
        registry.add("clavis.jira.transitions.denied", () -> "Decline");
        registry.add("clavis.jira.transitions.ended", () -> "Close");
        registry.add("clavis.jira.poll-interval", () -> "PT0.2S");
        registry.add("clavis.jira.max-backoff", () -> "PT3S");
    }

    /** Lab people in the directory and in Jira, and the lab app in the catalog. */
    void lab(int ldapPort, JiraSimulator jira) throws Exception {
        try (LDAPConnection ldap = ldap(ldapPort)) {
            for (String group : List.of("jlab-staged", "jlab-short")) {
                ldap.add("cn=" + group + "," + GROUPS, new Attribute("objectClass", "top", "groupOfNames"),
                        new Attribute("cn", group), new Attribute("member", "uid=maria.lopez," + PEOPLE));
            }
            for (int i = 1; i <= 9; i++) {
                String uid = "jlab.user" + i;
                ldap.add("uid=" + uid + "," + PEOPLE,
                        new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                        new Attribute("uid", uid), new Attribute("cn", "Jira Lab " + i), new Attribute("sn", "Lab"),
                        new Attribute("mail", uid + "@acme.test"), new Attribute("departmentNumber", "Engineering"),
                        new Attribute("title", "Engineer"), new Attribute("employeeType", "employee"),
                        new Attribute("manager", "uid=maria.lopez," + PEOPLE));
                jira.addUser(uid + "@acme.test", "Jira Lab " + i, i != 9);
            }
        }
        jira.addUser(MARIA, "Maria Lopez", true);
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        String catalog = admin().get("/api/v1/catalog").body() + """
                  - id: lab
                    name: Test Lab
                    owners: [priya.shah@acme.test]
                    roles:
                      - id: staged
                        groups: [jlab-staged]
                        risk: medium
                        durations: [PT20S, PT1H]
                        approval:
                          - approvers: manager
                      - id: short
                        groups: [jlab-short]
                        risk: low
                        durations: [PT20S, PT1H]
                        approval: auto
                """;
        var applied = admin().put("/api/v1/catalog?dryRun=false", catalog, "application/yaml");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    }

    /** Posts a delivery as Jira does: to {@code path}, with the signature header when one is given. */
    Api.Response deliver(String path, String body, @Nullable String signature, String deliveryId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Atlassian-Webhook-Identifier", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    Api.Response deliverSigned(String body) throws Exception {
        return deliver("/integrations/jira/webhook", body, sign(SECRET, body), UUID.randomUUID().toString());
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String keyOf(String event) {
        return new Api.Response(200, "application/json", event).json().get("issue").get("key").asString();
    }

    /** The Clavis request whose ticket is this issue, if there is one. */
    Optional<JsonNode> requestOf(String issueKey) {
        for (JsonNode item : admin().get("/api/v1/requests?limit=500").json().get("items")) {
            JsonNode ticket = item.get("ticket");
            if (ticket != null && !ticket.isNull() && ticket.get("key").asString().equals(issueKey)) {
                return Optional.of(admin().get("/api/v1/requests/" + item.get("id").asString()).json());
            }
        }
        return Optional.empty();
    }

    JsonNode awaitRequestOf(String issueKey) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> requestOf(issueKey), Optional::isPresent).orElseThrow();
    }

    JsonNode awaitStatus(String requestId, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin().get("/api/v1/requests/" + requestId).json(), r -> {
                    String now = r.get("status").asString();
                    if (!now.equals(status) && List.of("FAILED", "DENIED", "CANCELLED").contains(now) && !List.of("FAILED", "DENIED", "CANCELLED").contains(status)) {
                        throw new AssertionError("request ended " + now + ": " + r.get("timeline"));
                    }
                    return now.equals(status);
                });
    }

    /** Waits until the issue's comments contain one with this headline. */
    static void awaitComment(JiraSimulator jira, String issueKey, String headline) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jira.comments(issueKey).stream().anyMatch(comment -> comment.contains(headline)));
    }

    /** Each headline once across the issue's comments, and in this order. */
    static void assertHeadlinesInOrder(JiraSimulator jira, String issueKey, String... headlines) {
        String all = String.join("\n", jira.comments(issueKey));
        int previous = -1;
        for (String headline : headlines) {
            int at = all.indexOf(headline);
            assertThat(at).as("'%s' in the comments of %s:%n%s", headline, issueKey, all).isGreaterThan(previous);
            assertThat(all.indexOf(headline, at + 1)).as("'%s' a second time in:%n%s", headline, all).isEqualTo(-1);
            previous = at;
        }
    }
}
