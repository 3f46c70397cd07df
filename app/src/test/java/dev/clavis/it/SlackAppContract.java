package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.clavis.support.Api;
import dev.clavis.support.SignedSlack;
import dev.clavis.support.SlackSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Slack app against a simulated Slack workspace and the embedded directory over LDAP: signed
 * commands, clicks and modal submissions in, direct messages and their updates out. Runs on H2 and
 * on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlackAppContract extends RunningClavis {

    private static final String SECRET = "slack-signing-secret-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static final String GROUPS = "ou=groups," + BASE_DN;
    private static final String MARIA = "UMARIA";
    private static final String PRIYA = "UPRIYA";
    private static final String ALEX = "UALEX";
    private static final String GHOST = "UGHOST";
    private static final AtomicInteger TRIGGERS = new AtomicInteger();

    /** The workspace this class's Clavis talks to: one per class, so two servers' messages never mix. */
    protected abstract SlackSimulator workspace();

    protected abstract int ldapPort();

    protected static void slackDefaults(DynamicPropertyRegistry registry, Path dataDir, int ldapPort, SlackSimulator slack) {
        embeddedDefaults(registry, dataDir, ldapPort);
        registry.add("clavis.slack.bot-token", () -> SlackSimulator.BOT_TOKEN);
        registry.add("clavis.slack.signing-secret", () -> SECRET);
        registry.add("clavis.slack.api-base-url", slack::apiBaseUrl);
        registry.add("clavis.slack.per-conversation-interval", () -> "PT0.2S");
        registry.add("clavis.grants.remind-before", () -> "PT10S");
        registry.add("clavis.reviews.remind-before", () -> "PT10S");
    }

    @BeforeAll
    void lab() throws Exception {
        try (LDAPConnection ldap = ldap(ldapPort())) {
            for (String group : List.of("slack-quick", "slack-staged", "slack-brief", "slack-pair", "slack-approvers")) {
                ldap.add("cn=" + group + "," + GROUPS, new Attribute("objectClass", "top", "groupOfNames"), new Attribute("cn", group),
                        new Attribute("member", group.equals("slack-approvers")
                                ? new String[] {"uid=maria.lopez," + PEOPLE, "uid=priya.shah," + PEOPLE}
                                : new String[] {"uid=maria.lopez," + PEOPLE}));
            }
            for (int i = 1; i <= 11; i++) {
                String uid = "slack.user" + i;
                ldap.add("uid=" + uid + "," + PEOPLE, new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                        new Attribute("uid", uid), new Attribute("cn", "Slack User " + i), new Attribute("sn", "User"),
                        new Attribute("mail", uid + "@acme.test"), new Attribute("departmentNumber", "Engineering"),
                        new Attribute("title", "Engineer"), new Attribute("employeeType", "employee"),
                        new Attribute("manager", "uid=maria.lopez," + PEOPLE));
                workspace().user(user(i), uid + "@acme.test");
            }
        }
        workspace().user(MARIA, "maria.lopez@acme.test");
        workspace().user(PRIYA, "priya.shah@acme.test");
        workspace().user(ALEX, "alex.morgan@acme.test");
        workspace().user(GHOST, "ghost@elsewhere.test");
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        String catalog = admin().get("/api/v1/catalog").body() + """
                  - id: slacklab
                    name: Slack Lab
                    owners: [priya.shah@acme.test]
                    roles:
                      - id: quick
                        groups: [slack-quick]
                        risk: low
                        durations: [PT1H]
                        approval: auto
                      - id: staged
                        groups: [slack-staged]
                        risk: high
                        durations: [PT15S, PT1H]
                        approval:
                          - approvers: manager
                          - approvers: app_owner
                      - id: brief
                        groups: [slack-brief]
                        risk: low
                        durations: [PT30S]
                        approval: auto
                      - id: pair
                        groups: [slack-pair]
                        risk: medium
                        durations: [PT1H]
                        approval:
                          - approvers: group:slack-approvers
                """;
        var applied = admin().put("/api/v1/catalog?dryRun=false", catalog, "application/yaml");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    }

    @AfterEach
    void slackWasAskedOnlyWhatItsDescriptionAllows() {
        assertThat(workspace().violations()).isEmpty();
    }

    @AfterAll
    void closeSlack() {
        workspace().close();
    }

    @Test
    void unsignedWronglySignedAndStaleCallsAre401AndChangeNothing() {
        var slack = slack();
        String body = SignedSlack.form(Map.of("command", "/request", "text", "slacklab quick 1h", "user_id", user(6),
                "trigger_id", "T-forged", "response_url", workspace().responseUrl("forged")));
        assertThat(slack.post("commands", body, Instant.now(), false).status()).isEqualTo(401);
        assertThat(slack.postSignedWith("not-the-secret", "commands", body).status()).isEqualTo(401);
        assertThat(slack.post("commands", body, Instant.now().minus(Duration.ofMinutes(6)), true).status()).isEqualTo(401);
        assertThat(slack.post("commands", body, Instant.now().plus(Duration.ofMinutes(6)), true).status()).isEqualTo(401);
        assertThat(slack.post("interactions", body, Instant.now(), false).status()).isEqualTo(401);
        var answer = slack.post("commands", body, Instant.now().minus(Duration.ofMinutes(6)), true);
        assertThat(answer.body()).contains("five minutes").doesNotContain(SECRET);

        var sane = slack.post("commands", SignedSlack.form(Map.of("command", "/access", "user_id", user(6), "trigger_id",
                "T-sane", "response_url", workspace().responseUrl("sane"))), Instant.now(), true);
        assertThat(sane.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !workspace().responsesTo("sane").isEmpty());
        assertThat(workspace().responsesTo("forged")).isEmpty();
        assertThat(admin().get("/api/v1/requests?status=PENDING_APPROVAL").body()).doesNotContain("slack.user6");
        assertThat(admin().get("/api/v1/grants?person=slack.user6@acme.test").json().get("items")).isEmpty();
    }

    @Test
    void aSignedRequestWithTextForAnAutoApprovedRoleEndsInTheGroupWithAGrantedMessage() throws Exception {
        var answer = slack().command(user(1), "/request", "slacklab quick 1h because on call tonight", trigger(), workspace().responseUrl("quick"));
        assertThat(answer.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> members("slack-quick").contains("uid=slack.user1," + PEOPLE));
        await().atMost(Duration.ofSeconds(20)).until(() -> workspace().messagesTo(user(1)).stream().anyMatch(m -> m.text().contains("You have")));
        var granted = workspace().messagesTo(user(1)).stream().filter(m -> m.text().contains("You have")).findFirst().orElseThrow();
        assertThat(granted.text()).contains("slacklab/quick").contains("slack-quick");
        assertThat(workspace().responsesTo("quick")).singleElement()
                .satisfies(r -> assertThat(r.get("response_type").asString()).isEqualTo("ephemeral"));
    }

    @Test
    void aSlackUserWhoIsNoDirectoryPersonIsToldSoAndNothingIsAsked() {
        slack().command(GHOST, "/request", "slacklab quick 1h", trigger(), workspace().responseUrl("ghost"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !workspace().responsesTo("ghost").isEmpty());
        assertThat(workspace().responsesTo("ghost").get(0).get("text").asString()).contains("can't find you in the company directory");
    }

    @Test
    void theWholePathFromRequestToApprovalInSlackToGrantExpiryAndEnd() throws Exception {
        slack().command(user(2), "/request", "slacklab staged 15s because incident INC-7", trigger(), workspace().responseUrl("staged"));
        var toMaria = approvalMessage(MARIA, "Slack User 2");
        assertThat(toMaria.text()).contains("slacklab/staged").contains("high");
        assertThat(toMaria.history().get(0)).contains("Maria").contains("Engineering").contains("incident INC-7");

        click(MARIA, toMaria, "approve", "approved-by-maria");
        var toPriya = approvalMessage(PRIYA, "Slack User 2");
        click(PRIYA, toPriya, "approve", "approved-by-priya");

        await().atMost(Duration.ofSeconds(30)).until(() -> members("slack-staged").contains("uid=slack.user2," + PEOPLE));
        await().atMost(Duration.ofSeconds(20)).until(() -> latest(MARIA, toMaria).text().isEmpty()
                || latest(MARIA, toMaria).blocks().toString().contains("Approved by Maria"));
        assertThat(latest(MARIA, toMaria).blocks().toString()).contains("Approved by Maria").doesNotContain("\"approve\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> workspace().messagesTo(user(2)).stream().anyMatch(m -> m.text().contains("You have")));
        await().atMost(Duration.ofSeconds(30)).until(() -> workspace().messagesTo(user(2)).stream()
                .anyMatch(m -> m.blocks().toString().contains("\"extend\"")));
        await().atMost(Duration.ofSeconds(60)).until(() -> !members("slack-staged").contains("uid=slack.user2," + PEOPLE));
        await().atMost(Duration.ofSeconds(20)).until(() -> workspace().messagesTo(user(2)).stream().anyMatch(m -> m.text().contains("expired")));
    }

    @Test
    void aRetriedBlockActionHasNoSecondEffect() {
        slack().command(user(3), "/request", "slacklab pair 1h", trigger(), workspace().responseUrl("pair3"));
        var toMaria = approvalMessage(MARIA, "Slack User 3");
        String payload = actionPayload(MARIA, toMaria, "approve", "T-retried", workspace().responseUrl("retried"));
        assertThat(slack().interaction(payload).status()).isEqualTo(200);
        assertThat(slack().interaction(payload).status()).isEqualTo(200);
        assertThat(slack().interaction(payload).status()).isEqualTo(200);
        String id = requestOf("slack.user3");
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/v1/requests/" + id).json().get("status").asString()
                .matches("PROVISIONING|GRANTED"));
        assertThat(decisions(id)).hasSize(1);
        assertThat(workspace().responsesTo("retried")).isEmpty();
    }

    @Test
    void twoApproversClickingAtOnceMakeOneDecisionAndBothMessagesShowIt() throws Exception {
        slack().command(user(4), "/request", "slacklab pair 1h", trigger(), workspace().responseUrl("pair4"));
        var toMaria = approvalMessage(MARIA, "Slack User 4");
        var toPriya = approvalMessage(PRIYA, "Slack User 4");
        var pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> clicks = List.of(
                () -> slack().interaction(actionPayload(MARIA, toMaria, "approve", trigger(), workspace().responseUrl("race-maria"))).status(),
                () -> slack().interaction(actionPayload(PRIYA, toPriya, "approve", trigger(), workspace().responseUrl("race-priya"))).status());
        for (var click : pool.invokeAll(clicks)) {
            assertThat(click.get()).isEqualTo(200);
        }
        pool.shutdown();
        String id = requestOf("slack.user4");
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin().get("/api/v1/requests/" + id).json().get("status").asString()
                .equals("PENDING_APPROVAL"));
        assertThat(decisions(id)).hasSize(1);
        String winner = decisions(id).get(0).get("decidedBy").get("displayName").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> latest(MARIA, toMaria).blocks().toString().contains("Approved by " + winner)
                && latest(PRIYA, toPriya).blocks().toString().contains("Approved by " + winner));
        assertThat(latest(MARIA, toMaria).blocks().toString()).doesNotContain("\"approve\"");
        assertThat(latest(PRIYA, toPriya).blocks().toString()).doesNotContain("\"approve\"");
    }

    @Test
    void aClickBySomeoneWhoIsNotAnApproverIsExplainedToThemAndChangesNothing() {
        slack().command(user(5), "/request", "slacklab pair 1h", trigger(), workspace().responseUrl("pair5"));
        var toMaria = approvalMessage(MARIA, "Slack User 5");
        slack().interaction(actionPayload(ALEX, toMaria, "approve", trigger(), workspace().responseUrl("alex")));
        await().atMost(Duration.ofSeconds(20)).until(() -> !workspace().responsesTo("alex").isEmpty());
        JsonNode reply = workspace().responsesTo("alex").get(0);
        assertThat(reply.get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(reply.get("text").asString()).contains("not an approver");
        String id = requestOf("slack.user5");
        assertThat(admin().get("/api/v1/requests/" + id).json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(decisions(id)).isEmpty();
        assertThat(latest(MARIA, toMaria).blocks().toString()).contains("\"approve\"");

        slack().command(MARIA, "/access", "pending", trigger(), workspace().responseUrl("pending"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !workspace().responsesTo("pending").isEmpty());
        assertThat(workspace().responsesTo("pending").get(0).get("text").asString()).contains("Slack User 5").contains(id);
    }

    @Test
    void theModalAsksForAppRoleDurationAndReasonAndItsSubmissionIsARequest() throws Exception {
        String trigger = trigger();
        slack().command(user(7), "/request", "", trigger, workspace().responseUrl("modal"));
        var opened = await().atMost(Duration.ofSeconds(20)).until(() -> workspace().viewOpenedBy(trigger).orElse(null), v -> v != null);
        assertThat(opened.view().get("callback_id").asString()).isEqualTo("request");

        var options = slack().interaction(modalPayload("block_suggestion", user(7), opened, Map.of(), "app", "Slack"));
        assertThat(options.status()).isEqualTo(200);
        assertThat(JSON.readTree(options.body()).get("options").toString()).contains("slacklab").doesNotContain("github");

        slack().interaction(modalPayload("block_actions", user(7), opened, Map.of("app", "slacklab"), "app", null));
        var withRoles = await().atMost(Duration.ofSeconds(20)).until(() -> workspace().viewOpenedBy(trigger).orElseThrow(),
                v -> v.view().toString().contains("\"block_id\":\"role\""));
        assertThat(withRoles.view().toString()).contains("staged · high").contains("approved by manager, then app_owner");

        slack().interaction(modalPayload("block_actions", user(7), withRoles, Map.of("app", "slacklab", "role", "staged"), "role", null));
        var complete = await().atMost(Duration.ofSeconds(20)).until(() -> workspace().viewOpenedBy(trigger).orElseThrow(),
                v -> v.view().toString().contains("\"block_id\":\"duration\""));
        assertThat(complete.view().toString()).contains("15 seconds").contains("1 hour");
        JsonNode justification = null;
        for (JsonNode block : complete.view().get("blocks")) {
            if (block.path("block_id").asString("").equals("justification")) {
                justification = block;
            }
        }
        assertThat(justification).isNotNull();
        assertThat(justification.get("optional").asBoolean()).as("a high-risk role needs a reason").isFalse();

        slack().interaction(modalPayload("view_submission", user(7), complete,
                Map.of("app", "slacklab", "role", "staged", "duration", "PT1H", "justification", "quarterly close"), null, null));
        String id = requestOf("slack.user7");
        var request = admin().get("/api/v1/requests/" + id).json();
        assertThat(request.get("channel").asString()).isEqualTo("slack");
        assertThat(request.get("duration").asString()).isEqualTo("PT1H");
        assertThat(request.get("justification").asString()).isEqualTo("quarterly close");
        approvalMessage(MARIA, "Slack User 7");
    }

    @Test
    void aSlackOutageDelaysMessagesButNotDecisions() throws Exception {
        var maria = admin().as(token("maria.lopez@acme.test"));
        workspace().down(true);
        try {
            var asked = admin().as(token("slack.user8@acme.test")).post("/api/v1/requests",
                    "{\"app\": \"slacklab\", \"role\": \"pair\", \"duration\": \"PT1H\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            String id = asked.json().get("id").asString();
            var decided = maria.post("/api/v1/requests/" + id + "/decision", "{\"decision\": \"approve\"}");
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> members("slack-pair").contains("uid=slack.user8," + PEOPLE));
            assertThat(workspace().messagesTo(user(8))).isEmpty();
        } finally {
            workspace().down(false);
        }
        workspace().rateLimitNext(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> workspace().messagesTo(user(8)).stream().anyMatch(m -> m.text().contains("You have")));
        var texts = workspace().messagesTo(user(8)).stream().map(SlackSimulator.Message::text).toList();
        assertThat(texts).as("the person hears of each step in the order it happened").hasSize(3);
        assertThat(texts.get(0)).contains("is submitted");
        assertThat(texts.get(1)).contains("approved stage 1");
        assertThat(texts.get(2)).contains("You have");
        assertThat(workspace().rateLimitedCalls()).isGreaterThanOrEqualTo(2);
        var sent = workspace().calls("chat.postMessage").stream().filter(c -> c.arguments().get("channel").equals(user(8))).toList();
        for (int i = 1; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 1).at(), sent.get(i).at())).as("one conversation is paced")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void denyAsksForAReasonAndTheRequesterReadsIt() {
        slack().command(user(9), "/request", "slacklab pair 1h", trigger(), workspace().responseUrl("pair9"));
        var toMaria = approvalMessage(MARIA, "Slack User 9");
        var toPriya = approvalMessage(PRIYA, "Slack User 9");
        String clickTrigger = trigger();
        slack().interaction(actionPayload(MARIA, toMaria, "deny", clickTrigger, workspace().responseUrl("deny-click")));
        var reasonModal = await().atMost(Duration.ofSeconds(20)).until(() -> workspace().viewOpenedBy(clickTrigger).orElse(null), v -> v != null);
        assertThat(reasonModal.view().get("callback_id").asString()).isEqualTo("deny");
        String id = requestOf("slack.user9");
        assertThat(admin().get("/api/v1/requests/" + id).json().get("status").asString()).as("opening the modal decides nothing")
                .isEqualTo("PENDING_APPROVAL");

        slack().interaction(modalPayload("view_submission", MARIA, reasonModal, Map.of("reason", "not during the freeze"), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/v1/requests/" + id).json().get("status").asString()
                .equals("DENIED"));
        assertThat(decisions(id)).singleElement().satisfies(d -> {
            assertThat(d.get("channel").asString()).isEqualTo("slack");
            assertThat(d.get("comment").asString()).isEqualTo("not during the freeze");
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> workspace().messagesTo(user(9)).stream()
                .anyMatch(m -> m.text().contains("was denied") && m.text().contains("not during the freeze")));
        await().atMost(Duration.ofSeconds(20)).until(() -> latest(PRIYA, toPriya).blocks().toString().contains("Denied by Maria"));
        assertThat(latest(PRIYA, toPriya).blocks().toString()).doesNotContain("\"approve\"");
    }

    @Test
    void theExtendButtonOfAnExpiringGrantAsksForMoreTime() {
        slack().command(user(10), "/request", "slacklab brief", trigger(), workspace().responseUrl("brief"));
        var reminder = await().atMost(Duration.ofSeconds(60)).until(() -> workspace().messagesTo(user(10)).stream()
                .filter(m -> m.blocks().toString().contains("\"extend\"")).findFirst().orElse(null), m -> m != null);
        String grantId = admin().get("/api/v1/grants?person=slack.user10@acme.test").json().get("items").get(0).get("id").asString();
        String before = admin().get("/api/v1/grants?person=slack.user10@acme.test").json().get("items").get(0).get("expiresAt").asString();
        String clickTrigger = trigger();
        slack().interaction(actionPayload(user(10), reminder, "extend", clickTrigger, workspace().responseUrl("extend-click")));
        var modal = await().atMost(Duration.ofSeconds(20)).until(() -> workspace().viewOpenedBy(clickTrigger).orElse(null), v -> v != null);
        assertThat(modal.view().get("private_metadata").asString()).isEqualTo(grantId);

        slack().interaction(modalPayload("view_submission", user(10), modal, Map.of("duration", "PT30S"), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.parse(admin().get("/api/v1/grants?person=slack.user10@acme.test")
                .json().get("items").get(0).get("expiresAt").asString()).isAfter(Instant.parse(before)));
    }

    @Test
    void aReviewerIsRemindedInSlackOfTheItemsTheyHaveLeftBeforeTheDeadline() {
        slack().command(user(11), "/request", "slacklab quick 1h", trigger(), workspace().responseUrl("quick-11"));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/v1/grants?person=slack.user11@acme.test").json()
                .get("items").size() == 1);
        var created = admin().post("/api/v1/reviews", Api.json(Map.of("name", "Slack lab recertification",
                "scope", Map.of("apps", List.of("slacklab")), "reviewers", "manager", "onNoDecision", "keep",
                "deadline", Instant.now().plus(Duration.ofSeconds(25)).toString())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var reminder = await().atMost(Duration.ofSeconds(40)).until(() -> workspace().messagesTo(MARIA).stream()
                .filter(m -> m.text().contains("Slack lab recertification")).findFirst().orElse(null), m -> m != null);

        assertThat(reminder.text()).containsPattern("You have \\d+ access items? left to review").contains("Reviews");
    }

    // --- helpers

    private String token(String email) {
        return admin().post("/api/v1/tokens", "{\"person\": \"" + email + "\", \"scopes\": [\"request\", \"approve\"]}")
                .json().get("token").asString();
    }

    /** An interaction inside a modal, with the modal's state holding {@code values} (selects for app, role, duration). */
    private static String modalPayload(String type, String user, SlackSimulator.View view, Map<String, String> values,
            String actionId, String typed) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", type);
        payload.putObject("user").put("id", user);
        payload.put("api_app_id", "A0001");
        payload.put("trigger_id", trigger());
        payload.putObject("team").put("id", "T0001");
        ObjectNode state = JSON.createObjectNode();
        values.forEach((block, value) -> {
            ObjectNode element = state.putObject(block).putObject(block);
            if (block.equals("justification") || block.equals("reason")) {
                element.put("type", "plain_text_input").put("value", value);
            } else {
                element.put("type", block.equals("app") ? "external_select" : "static_select").putObject("selected_option").put("value", value);
            }
        });
        ObjectNode shown = ((ObjectNode) view.view()).deepCopy();
        shown.put("id", view.id()).put("hash", view.hash());
        shown.putObject("state").set("values", state);
        payload.set("view", shown);
        if (type.equals("block_suggestion")) {
            payload.put("action_id", actionId).put("block_id", actionId).put("value", typed);
        } else if (type.equals("block_actions")) {
            ObjectNode action = payload.putArray("actions").addObject();
            action.put("action_id", actionId).put("block_id", actionId).put("type", "static_select")
                    .putObject("selected_option").put("value", values.get(actionId));
        }
        return payload.toString();
    }

    private SignedSlack slack() {
        return new SignedSlack(port, SECRET);
    }

    private static String user(int i) {
        return "USLACK" + i;
    }

    private static String trigger() {
        return "T-" + TRIGGERS.incrementAndGet() + "-" + UUID.randomUUID();
    }

    private List<String> members(String group) throws Exception {
        try (LDAPConnection ldap = ldap(ldapPort())) {
            String[] members = ldap.getEntry("cn=" + group + "," + GROUPS).getAttributeValues("member");
            return members == null ? List.of() : List.of(members);
        }
    }

    private SlackSimulator.Message approvalMessage(String approver, String beneficiary) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> workspace().messagesTo(approver).stream()
                .filter(m -> m.text().contains(beneficiary) && m.blocks().toString().contains("\"approve\""))
                .findFirst().orElse(null), m -> m != null);
    }

    private SlackSimulator.Message latest(String user, SlackSimulator.Message message) {
        return workspace().messagesTo(user).stream().filter(m -> m.ts().equals(message.ts())).findFirst().orElseThrow();
    }

    private void click(String user, SlackSimulator.Message message, String action, String responseId) {
        assertThat(slack().interaction(actionPayload(user, message, action, trigger(), workspace().responseUrl(responseId))).status())
                .isEqualTo(200);
    }

    /** A {@code block_actions} payload as Slack sends it when a button in a message is clicked. */
    private static String actionPayload(String user, SlackSimulator.Message message, String action, String trigger, String responseUrl) {
        String value = null;
        for (JsonNode block : message.blocks()) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asString("").equals(action)) {
                    value = element.path("value").asString();
                }
            }
        }
        assertThat(value).as("the message has a %s button", action).isNotNull();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase());
        payload.put("api_app_id", "A0001");
        payload.put("token", "deprecated-verification-token");
        payload.putObject("container").put("type", "message").put("message_ts", message.ts()).put("channel_id", message.channel());
        payload.put("trigger_id", trigger);
        payload.putObject("team").put("id", "T0001");
        payload.putObject("channel").put("id", message.channel());
        payload.put("response_url", responseUrl);
        payload.putArray("actions").addObject().put("action_id", action).put("block_id", "decision").put("value", value)
                .put("type", "button").put("action_ts", Instant.now().getEpochSecond() + ".000100");
        return payload.toString();
    }

    private String requestOf(String uid) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode item : admin().get("/api/v1/requests?limit=100").json().get("items")) {
                if (item.get("beneficiary").get("email").asString().equals(uid + "@acme.test")) {
                    return item.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);
    }

    private List<JsonNode> decisions(String id) {
        var found = new java.util.ArrayList<JsonNode>();
        admin().get("/api/v1/requests/" + id).json().get("approvals").forEach(stage -> stage.get("decisions").forEach(found::add));
        return found;
    }
}
