package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.clavis.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Access review campaigns through the API alone, against the embedded directory over LDAP: who reviews
 * what, the decisions and their refusals, enforcement in the directory, the deadline, the mass-removal
 * guard and the evidence. Each test has an app and a group of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewContract extends RunningClavis {

    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static final String GROUPS = "ou=groups," + BASE_DN;
    private static final String MARIA = "maria.lopez";
    private static final String PRIYA = "priya.shah";

    private final Map<String, Api> tokens = new HashMap<>();

    protected abstract int ldapPort();

    /** Short enough for a test to see a reminder and the end of an escalation. */
    static void reviewSettings(DynamicPropertyRegistry registry) {
        registry.add("clavis.reviews.remind-before", () -> "PT6S");
        registry.add("clavis.reviews.escalation-period", () -> "PT6S");
    }

    @BeforeAll
    void lab() throws Exception {
        try (LDAPConnection ldap = ldap(ldapPort())) {
            for (int i = 1; i <= 8; i++) {
                String uid = "rev.user" + i;
                ldap.add(dn(uid), new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                        new Attribute("uid", uid), new Attribute("cn", "Rev User " + i), new Attribute("sn", "User"),
                        new Attribute("mail", uid + "@acme.test"), new Attribute("departmentNumber", "Engineering"),
                        new Attribute("title", "Engineer"), new Attribute("employeeType", "employee"),
                        new Attribute("manager", dn(MARIA)));
            }
            group(ldap, "rev-tools", MARIA, "rev.user5", "rev.user6", "rev.user7", "rev.user8");
            group(ldap, "rev-late", MARIA, "rev.user3", "rev.user5", "rev.user6", "rev.user7", "rev.user8");
            group(ldap, "rev-guard", MARIA);
            group(ldap, "rev-root", MARIA);
            group(ldap, "rev-gone", MARIA);
        }
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        String catalog = admin().get("/api/v1/catalog").body() + app("revtools", "rev-tools", "low")
                + app("revlate", "rev-late", "low") + app("revguard", "rev-guard", "low") + app("revroot", "rev-root", "privileged")
                + app("revgone", "rev-gone", "low");
        var applied = admin().put("/api/v1/catalog?dryRun=false", catalog, "application/yaml");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    }

    @Test
    void aManagerRevokesOneAndKeepsOneAndClosingRemovesTheRevokedMembershipFromTheDirectory() throws Exception {
        String grant1 = granted("rev.user1", "revtools");
        String grant2 = granted("rev.user2", "revtools");
        JsonNode campaign = create(Map.of("name", "Q4 tools", "scope", Map.of("apps", List.of("revtools")), "reviewers", "manager",
                "deadline", Instant.now().plus(Duration.ofHours(1)).toString(), "onNoDecision", "keep"));
        String id = campaign.get("id").asString();
        assertThat(campaign.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(campaign.get("items").asLong()).isEqualTo(7);

        List<JsonNode> mine = items(as(MARIA), id);
        assertThat(mine).extracting(i -> i.get("person").get("email").asString()).containsExactlyInAnyOrder(
                "rev.user1@acme.test", "rev.user2@acme.test", "rev.user5@acme.test", "rev.user6@acme.test",
                "rev.user7@acme.test", "rev.user8@acme.test");
        JsonNode first = itemOf(mine, "rev.user1");
        JsonNode second = itemOf(mine, "rev.user2");
        assertThat(first.get("access").get("kind").asString()).isEqualTo("request");
        assertThat(first.get("access").get("justification").asString()).isEqualTo("tools for rev.user1");
        assertThat(first.get("person").get("manager").get("email").asString()).isEqualTo("maria.lopez@acme.test");
        assertThat(first.get("person").get("department").asString()).isEqualTo("Engineering");
        assertThat(first.get("groups")).extracting(JsonNode::asString).containsExactly("rev-tools");
        assertThat(first.get("grantedAt").isNull()).isFalse();
        assertThat(first.get("lastLoginAt").asString()).isEqualTo("never");
        assertThat(first.get("suggestion").get("decision").asString()).isEqualTo("revoke");
        assertThat(itemOf(mine, "rev.user5").get("access").get("kind").asString()).isEqualTo("unmanaged");

        var revoked = as(MARIA).post(item(id, first) + "/decision", Api.json(Map.of("decision", "revoke", "comment", "left the project")));
        var kept = as(MARIA).post(item(id, second) + "/decision", Api.json(Map.of("decision", "keep", "comment", "still on it")));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        JsonNode progress = admin().get("/api/v1/reviews/" + id).json();
        assertThat(progress.get("progress")).anySatisfy(p -> {
            assertThat(p.get("reviewer").get("email").asString()).isEqualTo("maria.lopez@acme.test");
            assertThat(p.get("decided").asLong()).isEqualTo(2);
            assertThat(p.get("total").asLong()).isEqualTo(6);
        });

        var closed = admin().post("/api/v1/reviews/" + id + "/close", "");

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !members("rev-tools").contains(dn("rev.user1")));
        assertThat(members("rev-tools")).contains(dn("rev.user2"), dn("rev.user5"));
        assertThat(admin().get("/api/v1/grants/" + grant1).json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(admin().get("/api/v1/grants/" + grant2).json().get("status").asString()).isEqualTo("ACTIVE");
        JsonNode enforced = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin().get(item(id, first)).json(), i -> i.get("enforcement").get("state").asString().equals("CONFIRMED"));
        String confirmedAt = enforced.get("enforcement").get("removalConfirmedAt").asString();

        var csv = audit().get("/api/v1/reviews/" + id + "/evidence?format=csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String revokeLine = line(csv.body(), "rev.user1@acme.test");
        String keepLine = line(csv.body(), "rev.user2@acme.test");
        assertThat(revokeLine).contains(",REVOKE,maria.lopez@acme.test,", enforced.get("decision").get("at").asString(),
                "left the project", ",CONFIRMED," + confirmedAt);
        assertThat(keepLine).contains(",KEEP,maria.lopez@acme.test,", "still on it");
        assertThat(csv.body()).contains("# auditSequenceAtClose: ").contains("# auditChainValid: true");
        JsonNode audit = admin().get("/api/v1/audit?subject=review:" + id + "&limit=500").json().get("items");
        assertThat(audit).extracting(e -> e.get("type").asString())
                .contains("review.created", "review.started", "review.decided", "review.rule-applied", "review.closed",
                        "review.removal-confirmed");
    }

    @Test
    void aRevokeWhoseGrantEndedBeforeTheCloseIsRecordedAsSuchAndTheCloseGoesOn() {
        String grant = granted("rev.user3", "revgone");
        String id = create(Map.of("name", "Gone", "scope", Map.of("apps", List.of("revgone")), "reviewers", "manager",
                "deadline", Instant.now().plus(Duration.ofHours(1)).toString(), "onNoDecision", "keep")).get("id").asString();
        JsonNode item = itemOf(items(as(MARIA), id), "rev.user3");
        var revoked = as(MARIA).post(item(id, item) + "/decision", Api.json(Map.of("decision", "revoke", "comment", "moved team")));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        var ended = as("rev.user3").post("/api/v1/grants/" + grant + "/revoke", Api.json(Map.of("reason", "no longer needed")));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        var closed = admin().post("/api/v1/reviews/" + id + "/close", "");

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode enforced = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin().get(item(id, item)).json(), i -> i.get("enforcement").get("state").asString().equals("CONFIRMED"));
        assertThat(enforced.get("enforcement").get("detail").asString()).contains("already ended (REVOKED)");
        assertThat(admin().get("/api/v1/grants/" + grant).json().get("endReason").asString()).isEqualTo("no longer needed");
    }

    @Test
    void nobodyDecidesTheirOwnAccess() {
        JsonNode campaign = create(Map.of("name", "own access", "scope", Map.of("groups", List.of("rev-tools")),
                "reviewers", "user:maria.lopez@acme.test", "deadline", Instant.now().plus(Duration.ofHours(1)).toString(),
                "onNoDecision", "keep"));
        String id = campaign.get("id").asString();
        JsonNode own = all(id).stream().filter(i -> i.get("person").get("email").asString().equals("maria.lopez@acme.test"))
                .findFirst().orElseThrow();
        assertThat(own.get("reviewer").get("email").asString()).isEqualTo("priya.shah@acme.test");
        assertThat(own.get("reviewerBasis").asString()).contains("app owner");

        var decided = as(MARIA).post(item(id, own) + "/decision", Api.json(Map.of("decision", "keep", "comment", "mine")));
        var inBulk = as(MARIA).post("/api/v1/reviews/" + id + "/decisions",
                Api.json(Map.of("items", List.of(own.get("id").asLong()), "decision", "keep")));

        assertThat(decided.status()).isEqualTo(403);
        assertThat(decided.json().get("detail").asString()).contains("Nobody reviews their own access");
        assertThat(inBulk.status()).isEqualTo(403);
        assertThat(admin().get(item(id, own)).json().get("decision").isNull()).isTrue();
    }

    @Test
    void keepingPrivilegedAccessNeedsAComment() {
        granted("rev.user4", "revroot");
        JsonNode campaign = create(Map.of("name", "root", "scope", Map.of("roles", List.of("revroot/member")),
                "reviewers", "manager", "deadline", Instant.now().plus(Duration.ofHours(1)).toString(), "onNoDecision", "keep"));
        String id = campaign.get("id").asString();
        JsonNode root = itemOf(items(as(MARIA), id), "rev.user4");

        var bare = as(MARIA).post(item(id, root) + "/decision", Api.json(Map.of("decision", "keep")));
        var explained = as(MARIA).post(item(id, root) + "/decision", Api.json(Map.of("decision", "keep", "comment", "on call")));
        var changed = as(MARIA).post(item(id, root) + "/decision", Api.json(Map.of("decision", "revoke")));

        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.json().get("detail").asString()).contains("comment");
        assertThat(explained.status()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("decision").get("decision").asString()).isEqualTo("REVOKE");
    }

    @Test
    void anUndecidedItemFollowsTheDeadlineRule() throws Exception {
        Api priya = as(PRIYA);
        JsonNode campaign = create(Map.of("name", "late", "scope", Map.of("groups", List.of("rev-late")),
                "reviewers", "user:priya.shah@acme.test", "deadline", Instant.now().plus(Duration.ofSeconds(12)).toString(),
                "onNoDecision", "revoke"));
        String id = campaign.get("id").asString();
        List<JsonNode> mine = items(priya, id);
        assertThat(mine).hasSize(6);
        JsonNode late = itemOf(mine, "rev.user3");
        List<Long> others = mine.stream().filter(i -> i != late).map(i -> i.get("id").asLong()).toList();

        var bulk = priya.post("/api/v1/reviews/" + id + "/decisions", Api.json(Map.of("items", others, "decision", "keep",
                "comment", "still needed")));

        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("decided").asInt()).isEqualTo(5);
        JsonNode closed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin().get("/api/v1/reviews/" + id).json(), c -> c.get("status").asString().equals("CLOSED"));
        assertThat(closed.get("closedBy").asString()).isEqualTo("system");
        JsonNode ruled = admin().get(item(id, late)).json();
        assertThat(ruled.get("decision").get("decision").asString()).isEqualTo("REVOKE");
        assertThat(ruled.get("decision").get("byRule").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !members("rev-late").contains(dn("rev.user3")));
        assertThat(members("rev-late")).contains(dn("rev.user5"), dn(MARIA));
    }

    @Test
    void undecidedItemsEscalateToTheAppOwnerAtTheDeadlineThenStayUndecided() {
        JsonNode campaign = create(Map.of("name", "escalate", "scope", Map.of("groups", List.of("rev-tools")),
                "reviewers", "manager", "deadline", Instant.now().plus(Duration.ofSeconds(10)).toString(),
                "onNoDecision", "escalate"));
        String id = campaign.get("id").asString();
        JsonNode waiting = itemOf(items(as(MARIA), id), "rev.user5");

        JsonNode escalated = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin().get(item(id, waiting)).json(), i -> i.get("reviewerBasis").asString().startsWith("escalated"));
        assertThat(escalated.get("reviewer").get("email").asString()).isEqualTo("priya.shah@acme.test");
        JsonNode closed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin().get("/api/v1/reviews/" + id).json(), c -> c.get("status").asString().equals("CLOSED"));

        assertThat(closed.get("escalatedAt").isNull()).isFalse();
        assertThat(closed.get("totals").get("undecided").asLong()).isEqualTo(closed.get("items").asLong());
        assertThat(admin().get(item(id, waiting)).json().get("enforcement").isNull()).isTrue();
        JsonNode audit = admin().get("/api/v1/audit?subject=review:" + id + "&limit=500").json().get("items");
        assertThat(audit).extracting(e -> e.get("type").asString()).contains("review.reminded", "review.escalated", "review.closed");
    }

    @Test
    void aCampaignThatWouldEmptyAGroupWaitsForAnAdmin() throws Exception {
        String grant = granted("rev.user6", "revguard");
        JsonNode campaign = create(Map.of("name", "guard", "scope", Map.of("apps", List.of("revguard")),
                "reviewers", "user:priya.shah@acme.test", "deadline", Instant.now().plus(Duration.ofHours(1)).toString(),
                "onNoDecision", "keep"));
        String id = campaign.get("id").asString();
        List<Long> everything = items(as(PRIYA), id).stream().map(i -> i.get("id").asLong()).toList();
        assertThat(everything).hasSize(2);
        as(PRIYA).post("/api/v1/reviews/" + id + "/decisions", Api.json(Map.of("items", everything, "decision", "revoke")));

        JsonNode stopped = admin().post("/api/v1/reviews/" + id + "/close", "").json();

        assertThat(stopped.get("status").asString()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(stopped.get("largeRemoval").asString()).contains("rev-guard would lose 2 of 2 members");
        assertThat(admin().post("/api/v1/reviews/" + id + "/close", "").status()).isEqualTo(409);
        assertThat(as(PRIYA).post("/api/v1/reviews/" + id + "/decisions",
                Api.json(Map.of("items", everything, "decision", "keep"))).status()).isEqualTo(409);
        Thread.sleep(2000);
        assertThat(members("rev-guard")).contains(dn("rev.user6"), dn(MARIA));
        assertThat(admin().get("/api/v1/grants/" + grant).json().get("status").asString()).isEqualTo("ACTIVE");

        JsonNode confirmed = admin().post("/api/v1/reviews/" + id + "/close?confirmLargeRemoval=true", "").json();

        assertThat(confirmed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(confirmed.get("largeRemovalConfirmedBy").asString()).startsWith("token:");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !members("rev-guard").contains(dn("rev.user6")) && !members("rev-guard").contains(dn(MARIA)));
        assertThat(admin().get("/api/v1/grants/" + grant).json().get("status").asString()).isEqualTo("REVOKED");
    }

    @Test
    void aCampaignStartsOnceAndABadDefinitionIsRefusedWhole() {
        var bad = admin().post("/api/v1/reviews", Api.json(Map.of("name", "", "scope", Map.of("apps", List.of("no-such-app")),
                "reviewers", "someone", "deadline", "tomorrow", "onNoDecision", "shrug")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.body()).contains("name", "scope.apps", "reviewers", "deadline", "onNoDecision");

        var draft = admin().post("/api/v1/reviews", Api.json(Map.of("name", "draft", "scope", Map.of("apps", List.of("revtools")),
                "reviewers", "manager", "deadline", Instant.now().plus(Duration.ofDays(1)).toString(), "onNoDecision", "escalate",
                "start", false)));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.json().get("items").asLong()).isZero();
        String id = draft.json().get("id").asString();

        var started = admin().post("/api/v1/reviews/" + id + "/start", "");
        var again = admin().post("/api/v1/reviews/" + id + "/start", "");

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("items").asLong()).isPositive();
        assertThat(again.status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/reviews/" + id).json().get("items").asLong()).isEqualTo(started.json().get("items").asLong());
        assertThat(as(MARIA).post("/api/v1/reviews", Api.json(Map.of("name", "x"))).status()).isEqualTo(403);
    }

    private JsonNode create(Map<String, Object> definition) {
        var created = admin().post("/api/v1/reviews", Api.json(definition));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String item(String campaign, JsonNode item) {
        return "/api/v1/reviews/" + campaign + "/items/" + item.get("id").asLong();
    }

    private List<JsonNode> items(Api reviewer, String campaign) {
        var answer = reviewer.get("/api/v1/reviews/" + campaign + "/items?reviewer=me&limit=500");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(answer.json().get("items").spliterator(), false).toList();
    }

    private List<JsonNode> all(String campaign) {
        return StreamSupport.stream(admin().get("/api/v1/reviews/" + campaign + "/items?reviewer=all&limit=500").json()
                .get("items").spliterator(), false).toList();
    }

    private static JsonNode itemOf(List<JsonNode> items, String uid) {
        return items.stream().filter(i -> i.get("person").get("email").asString().equals(uid + "@acme.test")).findFirst()
                .orElseThrow(() -> new AssertionError("no item of " + uid + " in " + items));
    }

    private static String line(String csv, String email) {
        return csv.lines().filter(l -> l.contains("," + email + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + email + " in\n" + csv));
    }

    /** Asks for the app's one role as the person and waits until the directory confirmed it. */
    private String granted(String uid, String app) {
        var asked = as(uid).post("/api/v1/requests", Api.json(Map.of("app", app, "role", "member", "duration", "permanent",
                "justification", "tools for " + uid)));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asString();
        JsonNode request = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> admin().get("/api/v1/requests/" + id).json(), r -> r.get("status").asString().equals("GRANTED"));
        return request.get("grantId").asString();
    }

    private Api as(String uid) {
        return tokens.computeIfAbsent(uid, u -> {
            var created = admin().post("/api/v1/tokens", Api.json(Map.of("person", u + "@acme.test", "scopes", List.of("request", "review"))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return admin().as(created.json().get("token").asString());
        });
    }

    private Api audit() {
        return tokens.computeIfAbsent("auditor", u -> {
            var created = admin().post("/api/v1/tokens", Api.json(Map.of("person", "daniel.kim@acme.test", "scopes", List.of("audit"))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return admin().as(created.json().get("token").asString());
        });
    }

    private List<String> members(String group) throws Exception {
        return members(ldapPort(), group);
    }

    private static String dn(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    private static void group(LDAPConnection ldap, String name, String... uids) throws Exception {
        var members = new ArrayList<String>();
        for (String uid : uids) {
            members.add(dn(uid));
        }
        ldap.add("cn=" + name + "," + GROUPS, new Attribute("objectClass", "top", "groupOfNames"), new Attribute("cn", name),
                new Attribute("member", members));
    }

    private static String app(String id, String group, String risk) {
        return """
                  - id: %s
                    name: %s
                    owners: [priya.shah@acme.test]
                    roles:
                      - id: member
                        groups: [%s]
                        risk: %s
                        durations: [permanent]
                        approval: auto
                """.formatted(id, id, group, risk);
    }
}
