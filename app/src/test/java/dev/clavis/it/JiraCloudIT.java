package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clavis.support.Api;
import dev.clavis.support.JiraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Clavis and Jira Cloud (simulated, every call checked against Atlassian's API description): issues
 * become requests, JSM approvals become decisions, and the whole evidence lands on the ticket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JiraCloudIT extends JiraLab {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final JiraSimulator JIRA = start();
    private static final Path RULES = rules();

    private static JiraSimulator start() {
        try {
            return JiraSimulator.cloud();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path rules() {
        try {
            return java.nio.file.Files.writeString(DATA.resolve("jira-rules.yaml"), """
                    rules:
                      - name: lab access when ready
                        when: {project: IT, requestType: Request access, status: Ready for IT}
                        then:
                          - grant: lab/short
                            duration: PT1H
                      - name: lab access ends when offboarded
                        when: {project: IT, status: Offboarded}
                        then:
                          - revoke: lab/short
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        jiraSettings(registry, JIRA, "cloud");
        registry.add("clavis.jira.rules", RULES::toString);
    }

    @BeforeAll
    void setUp() throws Exception {
        lab(LDAP_PORT, JIRA);
    }

    @AfterAll
    void noCallBrokeAtlassiansDescription() {
        try {
            assertThat(JIRA.violations()).isEmpty();
        } finally {
            JIRA.close();
        }
    }

    @Test
    @Order(1)
    void aJiraOutageDelaysTheEvidenceButLosesNoneAndHonoursRetryAfter() throws Exception {
        JIRA.failNext(3, 503, null);
        JIRA.failNext(1, 429, 2);
        var asked = asMaria().post("/api/v1/requests", Api.json(Map.of(
                "beneficiary", "jlab.user5@acme.test", "app", "lab", "role", "short", "duration", "PT1H")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asString();

        awaitStatus(id, "GRANTED");
        String key = await().atMost(Duration.ofSeconds(60)).until(JIRA::createdByClavis, created -> !created.isEmpty()).get(0);
        awaitComment(JIRA, key, "Granted");
        await().atMost(Duration.ofSeconds(30)).until(() -> JIRA.transitions(key).size() == 2);

        assertThat(JIRA.createdByClavis()).containsExactly(key);
        assertThat(JIRA.reporterOf(key).email()).isEqualTo("jlab.user5@acme.test");
        assertHeadlinesInOrder(JIRA, key, "Access request opened", "Approved automatically", "Granted");
        assertThat(JIRA.transitions(key)).containsExactly("Approve", "Grant access");
        assertThat(admin().get("/api/v1/requests/" + id).json().get("ticket").get("key").asString()).isEqualTo(key);
        List<JiraSimulator.Call> calls = JIRA.calls();
        int limited = indexOfStatus(calls, 429);
        assertThat(calls.stream().filter(c -> c.status() == 503)).hasSize(3);
        assertThat(Duration.between(calls.get(limited).at(), calls.get(limited + 1).at()))
                .as("the call after a 429 with Retry-After: 2").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    @Order(2)
    void anIssueRaisedInJiraGoesAllTheWayToGrantedAndExpiredWithTheEvidenceInOrder() throws Exception {
        String created = JIRA.raise("jlab.user1@acme.test", "Test Lab", "staged", "PT20S", "on call this week");
        String key = keyOf(created);

        assertThat(deliverSigned(created).status()).isEqualTo(202);

        JsonNode request = awaitRequestOf(key);
        String id = request.get("id").asString();
        assertThat(request.get("channel").asString()).isEqualTo("jira");
        assertThat(request.get("justification").asString()).isEqualTo("on call this week");
        assertThat(request.get("duration").asString()).isEqualTo("PT20S");
        awaitComment(JIRA, key, "Waiting for approval, stage 1");
        await().atMost(Duration.ofSeconds(30)).until(() -> JIRA.field(key, JiraSimulator.APPROVERS_FIELD).size() == 1);
        assertThat(JIRA.field(key, JiraSimulator.APPROVERS_FIELD).get(0).get("accountId").asString()).isEqualTo("557058:maria.lopez");

        assertThat(deliverSigned(JIRA.answerApproval(key, MARIA, true)).status()).isEqualTo(202);

        awaitStatus(id, "GRANTED");
        awaitComment(JIRA, key, "Granted");
        assertThat(JIRA.property(key, "clavis").get("status").asString()).isEqualTo("GRANTED");
        awaitStatus(id, "EXPIRED");
        awaitComment(JIRA, key, "Access removed");

        assertHeadlinesInOrder(JIRA, key, "Access request opened", "Waiting for approval, stage 1", "Approved by Maria Lopez",
                "The identity provider is being asked for the access", "Granted", "Added to jlab-staged", "Expired at", "Access removed");
        assertThat(JIRA.transitions(key)).containsExactly("Approve", "Grant access", "Close");
        JsonNode property = JIRA.property(key, "clavis");
        assertThat(property.get("requestId").asString()).isEqualTo(id);
        assertThat(property.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(property.get("expiresAt").asString()).isNotEmpty();
        assertThat(JIRA.commentBodies(key)).allSatisfy(body -> assertThat(body.get("type").asString()).isEqualTo("doc"));
        JsonNode decided = admin().get("/api/v1/requests/" + id).json().get("approvals").get(0).get("decisions").get(0);
        assertThat(decided.get("decidedBy").get("email").asString()).isEqualTo(MARIA);
        assertThat(decided.get("channel").asString()).isEqualTo("jira");
    }

    @Test
    @Order(3)
    void unsignedAndWronglySignedDeliveriesAreRefusedAndChangeNothing() throws Exception {
        String refused = JIRA.raise("jlab.user2@acme.test", "Test Lab", "short", "1 hour", null);
        String refusedKey = keyOf(refused);

        var unsigned = deliver("/integrations/jira/webhook", refused, null, UUID.randomUUID().toString());
        var wrongSecret = deliver("/integrations/jira/webhook", refused, sign("another-secret", refused), UUID.randomUUID().toString());
        var tampered = deliver("/integrations/jira/webhook", refused.replace("jlab.user2", "jlab.user3"), sign(SECRET, refused),
                UUID.randomUUID().toString());
        var pathToken = deliver("/integrations/jira/webhook/" + SECRET, refused, null, UUID.randomUUID().toString());

        assertThat(List.of(unsigned.status(), wrongSecret.status(), tampered.status(), pathToken.status())).containsOnly(401);
        assertThat(unsigned.isProblem()).isTrue();
        assertThat(unsigned.body()).doesNotContain(SECRET);
        String accepted = JIRA.raise("jlab.user4@acme.test", "Test Lab", "short", "1 hour", null);
        assertThat(deliverSigned(accepted).status()).isEqualTo(202);
        awaitComment(JIRA, keyOf(accepted), "Access request opened");
        assertThat(requestOf(refusedKey)).isEmpty();
        assertThat(JIRA.comments(refusedKey)).isEmpty();
    }

    @Test
    @Order(4)
    void aDeliveryReceivedTwiceMakesOneRequest() throws Exception {
        String created = JIRA.raise("jlab.user6@acme.test", "Test Lab", "short", "1 hour", null);
        String key = keyOf(created);
        String delivery = UUID.randomUUID().toString();

        var first = deliver("/integrations/jira/webhook", created, sign(SECRET, created), delivery);
        var again = deliver("/integrations/jira/webhook", created, sign(SECRET, created), delivery);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        String id = awaitRequestOf(key).get("id").asString();
        awaitStatus(id, "GRANTED");
        awaitComment(JIRA, key, "Granted");
        long forThisIssue = admin().get("/api/v1/requests?limit=500").json().get("items").valueStream()
                .filter(item -> !item.get("ticket").isNull() && item.get("ticket").get("key").asString().equals(key)).count();
        assertThat(forThisIssue).isEqualTo(1);
        assertHeadlinesInOrder(JIRA, key, "Access request opened", "Granted");
    }

    @Test
    @Order(5)
    void anAnswerFromSomeoneWhoIsNotTheApproverIsRefusedOnTheTicket() throws Exception {
        String created = JIRA.raise("jlab.user7@acme.test", "Test Lab", "staged", "1 hour", "deploy");
        String key = keyOf(created);
        deliverSigned(created);
        String id = awaitRequestOf(key).get("id").asString();
        awaitComment(JIRA, key, "Waiting for approval, stage 1");

        deliverSigned(JIRA.answerApproval(key, "jlab.user8@acme.test", true));

        awaitComment(JIRA, key, "Jira Lab 8's decision was not recorded");
        assertThat(String.join("\n", JIRA.comments(key))).contains("not an approver of stage 1");
        assertThat(admin().get("/api/v1/requests/" + id).json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @Order(6)
    void theReporterCancellingTheIssueCancelsTheRequest() throws Exception {
        String created = JIRA.raise("jlab.user3@acme.test", "Test Lab", "staged", "1 hour", "testing");
        String key = keyOf(created);
        deliverSigned(created);
        String id = awaitRequestOf(key).get("id").asString();
        awaitComment(JIRA, key, "Waiting for approval, stage 1");

        deliverSigned(JIRA.moveTo(key, "Canceled", "done", "jlab.user3@acme.test"));

        awaitStatus(id, "CANCELLED");
        awaitComment(JIRA, key, "Cancelled by Jira Lab 3");
    }

    @Test
    @Order(7)
    void aReporterWhoseEmailJiraHidesIsToldWhatToDo() throws Exception {
        String created = JIRA.raise("jlab.user9@acme.test", "Test Lab", "short", "1 hour", null);
        String key = keyOf(created);

        deliverSigned(created);

        awaitComment(JIRA, key, "Clavis cannot see who this request is for");
        assertThat(String.join("\n", JIRA.comments(key))).contains("Profile and visibility");
        assertThat(requestOf(key)).isEmpty();
    }

    @Test
    @Order(8)
    void anIssueReachingAStatusOfARuleGrantsAndRevokesTheReportersRole() throws Exception {
        String key = keyOf(JIRA.raise("jlab.user2@acme.test", "Test Lab", "staged", "1 hour", null));

        deliverSigned(JIRA.moveTo(key, "Ready for IT", "indeterminate", MARIA));

        String id = awaitRequestOf(key).get("id").asString();
        JsonNode granted = awaitStatus(id, "GRANTED");
        assertThat(granted.get("role").asString()).isEqualTo("short");
        assertThat(granted.get("beneficiary").get("email").asString()).isEqualTo("jlab.user2@acme.test");
        assertThat(granted.get("justification").asString()).contains("lab access when ready").contains(key);
        awaitComment(JIRA, key, "Granted");

        deliverSigned(JIRA.moveTo(key, "Offboarded", "done", MARIA));

        awaitStatus(id, "REVOKED");
        awaitComment(JIRA, key, "Revoked at");
        assertThat(String.join("\n", JIRA.comments(key))).contains("lab access ends when offboarded");
        assertHeadlinesInOrder(JIRA, key, "Access request opened", "Granted", "Revoked at");
    }

    @Test
    @Order(9)
    void theDoctorNamesAMissingFieldAndAMissingTransition() {
        JIRA.removeRequestTypeField(JiraSimulator.DURATION_FIELD);
        JIRA.removeTransition("Close");

        var report = admin().get("/api/v1/integrations/jira/doctor");

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode body = report.json();
        assertThat(body.get("healthy").asBoolean()).isFalse();
        List<String> missing = body.get("lines").valueStream().filter(line -> line.get("verdict").asString().equals("MISSING"))
                .map(line -> line.get("text").asString()).toList();
        assertThat(missing).anySatisfy(line -> assertThat(line).contains(JiraSimulator.DURATION_FIELD).contains("duration"));
        assertThat(missing).anySatisfy(line -> assertThat(line).contains("'Close'").contains("ended"));
        assertThat(missing).hasSize(2);
        assertThat(body.get("lines").valueStream().map(line -> line.get("text").asString()))
                .anySatisfy(line -> assertThat(line).startsWith("Credentials: signed in as Clavis"))
                .anySatisfy(line -> assertThat(line).contains("Request type 'Request access'"));
    }

    private Api asMaria() {
        var created = admin().post("/api/v1/tokens", Api.json(Map.of("person", MARIA, "scopes", List.of("request", "approve"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return admin().as(created.json().get("token").asString());
    }

    private static int indexOfStatus(List<JiraSimulator.Call> calls, int status) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).status() == status) {
                return i;
            }
        }
        throw new AssertionError("Jira never answered " + status);
    }
}
