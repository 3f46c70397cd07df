package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.clavis.support.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The request loop through the API alone, against the embedded directory over LDAP: asking,
 * approving, provisioning, expiry, extension, revocation, and the refusals on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRequestLifecycleIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static final String GROUPS = "ou=groups," + BASE_DN;
    private static final String MARIA_DN = "uid=maria.lopez," + PEOPLE;

    private final Map<String, Api> tokens = new HashMap<>();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    /** Lab groups and people in the directory, and a lab app in the catalog that uses them. */
    @BeforeAll
    void lab() throws Exception {
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            for (String group : List.of("lab-short", "lab-staged", "lab-single", "lab-a", "lab-b", "lab-secret", "lab-slow", "lab-owned",
                    "lab-pair-1", "lab-pair-2", "lab-gone")) {
                ldap.add("cn=" + group + "," + GROUPS, new Attribute("objectClass", "top", "groupOfNames"),
                        new Attribute("cn", group), new Attribute("member", MARIA_DN));
            }
            for (int i = 1; i <= 13; i++) {
                String uid = "lab.user" + i;
                ldap.add("uid=" + uid + "," + PEOPLE,
                        new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                        new Attribute("uid", uid), new Attribute("cn", "Lab User " + i), new Attribute("sn", "User"),
                        new Attribute("mail", uid + "@acme.test"), new Attribute("departmentNumber", "Engineering"),
                        new Attribute("title", "Engineer"), new Attribute("employeeType", "employee"),
                        new Attribute("manager", MARIA_DN));
            }
        }
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        String catalog = admin().get("/api/v1/catalog").body() + """
                  - id: lab
                    name: Test Lab
                    owners: [priya.shah@acme.test]
                    roles:
                      - id: short
                        groups: [lab-short]
                        risk: low
                        durations: [PT20S, PT1H]
                        approval: auto
                      - id: staged
                        groups: [lab-staged]
                        risk: medium
                        durations: [P7D]
                        approval:
                          - approvers: manager
                          - approvers: app_owner
                      - id: single
                        groups: [lab-single]
                        risk: medium
                        durations: [permanent]
                        approval:
                          - approvers: manager
                      - id: a
                        groups: [lab-a]
                        risk: low
                        durations: [permanent]
                        approval: auto
                      - id: b
                        groups: [lab-b]
                        risk: low
                        durations: [permanent]
                        approval: auto
                        conflictsWith: [lab/a]
                      - id: secret
                        groups: [lab-secret]
                        risk: high
                        durations: [PT1H]
                        approval: auto
                      - id: slow
                        groups: [lab-slow]
                        risk: medium
                        durations: [permanent]
                        approval:
                          - approvers: manager
                            timeout: PT2S
                      - id: owned
                        groups: [lab-owned]
                        risk: low
                        durations: [permanent]
                        approval: auto
                        exclusive: true
                      - id: pair
                        groups: [lab-pair-1, lab-pair-2]
                        risk: low
                        durations: [permanent]
                        approval: auto
                      - id: gone
                        groups: [lab-gone]
                        risk: low
                        durations: [permanent]
                        approval: auto
                """;
        var applied = admin().put("/api/v1/catalog?dryRun=false", catalog, "application/yaml");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    }

    @Test
    void anAutoApprovedRoleIsGrantedAndThePersonIsInTheGroup() throws Exception {
        Instant asked = Instant.now();
        JsonNode request = as("lab.user1").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "short", "duration", "PT1H"))).json();

        assertThat(request.get("timeline").findValuesAsString("kind")).as("what the answer to the submission shows")
                .startsWith("submitted", "approved");
        JsonNode granted = awaitStatus(request, "GRANTED");

        System.out.printf("auto-approved request granted after %d ms%n", Duration.between(asked, Instant.now()).toMillis());
        assertThat(granted.get("automatic").asBoolean()).isTrue();
        assertThat(granted.get("decidedAt").isNull()).isFalse();
        assertThat(granted.get("timeline").findValuesAsString("kind")).as("the directory's answer, then the grant")
                .containsExactly("submitted", "approved", "provisioning", "directory", "granted");
        assertThat(members("lab-short")).contains("uid=lab.user1," + PEOPLE);
        JsonNode grant = admin().get("/api/v1/grants/" + granted.get("grantId").asString()).json();
        assertThat(grant.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(grant.get("expiresAt").isNull()).isFalse();
    }

    @Test
    void aTwoStageRoleWaitsForTheManagerThenTheAppOwner() throws Exception {
        JsonNode request = as("lab.user2").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "staged", "duration", "P7D"))).json();
        String id = request.get("id").asString();
        assertThat(request.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(request.get("approvals").get(0).get("approvers").get(0).get("email").asString()).isEqualTo("maria.lopez@acme.test");

        var byOwnerTooEarly = as("priya.shah").post("/api/v1/requests/" + id + "/decision", decision("approve"));
        assertThat(byOwnerTooEarly.status()).isEqualTo(403);
        var byManager = as("maria.lopez").post("/api/v1/requests/" + id + "/decision", decision("approve"));
        assertThat(byManager.status()).isEqualTo(200);
        assertThat(byManager.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(members("lab-staged")).doesNotContain("uid=lab.user2," + PEOPLE);

        as("priya.shah").post("/api/v1/requests/" + id + "/decision", decision("approve"));

        JsonNode granted = awaitStatus(request, "GRANTED");
        assertThat(members("lab-staged")).contains("uid=lab.user2," + PEOPLE);
        assertThat(granted.get("approvals").get(1).get("decisions").get(0).get("decidedBy").get("email").asString())
                .isEqualTo("priya.shah@acme.test");
    }

    @Test
    void nobodyApprovesTheirOwnRequest() throws Exception {
        JsonNode request = as("maria.lopez").post("/api/v1/requests",
                Api.json(Map.of("beneficiary", "lab.user3@acme.test", "app", "lab", "role", "single", "duration", "permanent"))).json();
        String id = request.get("id").asString();

        var own = as("maria.lopez").post("/api/v1/requests/" + id + "/decision", decision("approve"));
        var self = as("lab.user3").post("/api/v1/requests/" + id + "/decision", decision("approve"));

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("detail").asString()).contains("Nobody approves their own request");
        assertThat(self.status()).isEqualTo(403);
        assertThat(request.get("approvals").get(0).get("approvers")).extracting(a -> a.get("email").asString())
                .doesNotContain("maria.lopez@acme.test", "lab.user3@acme.test").isNotEmpty();
        assertThat(as("maria.lopez").get("/api/v1/requests/" + id).json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void aShortGrantIsGoneFromTheDirectoryWithinSecondsOfItsExpiry() throws Exception {
        JsonNode request = as("lab.user4").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "short", "duration", "PT20S"))).json();
        JsonNode granted = awaitStatus(request, "GRANTED");
        JsonNode grant = admin().get("/api/v1/grants/" + granted.get("grantId").asString()).json();
        Instant expiresAt = Instant.parse(grant.get("expiresAt").asString());
        assertThat(members("lab-short")).contains("uid=lab.user4," + PEOPLE);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !members("lab-short").contains("uid=lab.user4," + PEOPLE));

        System.out.printf("expired grant removed %d ms after expiresAt%n", Duration.between(expiresAt, Instant.now()).toMillis());
        awaitStatus(request, "EXPIRED");
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin().get("/api/v1/grants/" + granted.get("grantId").asString())
                .json().get("status").asString().equals("ACTIVE"));
    }

    @Test
    void anExtensionMovesTheExpiryWithoutTouchingTheDirectory() throws Exception {
        JsonNode granted = awaitStatus(as("lab.user5").post("/api/v1/requests",
                Api.json(Map.of("app", "lab", "role", "short", "duration", "PT20S"))).json(), "GRANTED");
        String grantId = granted.get("grantId").asString();
        Instant before = Instant.parse(admin().get("/api/v1/grants/" + grantId).json().get("expiresAt").asString());
        long entriesBefore = membershipEntries();

        var extension = as("lab.user5").post("/api/v1/grants/" + grantId + "/extend", Api.json(Map.of("duration", "PT1H")));

        assertThat(extension.status()).as(extension.body()).isEqualTo(201);
        assertThat(extension.json().get("status").asString()).isEqualTo("GRANTED");
        Instant after = Instant.parse(admin().get("/api/v1/grants/" + grantId).json().get("expiresAt").asString());
        assertThat(after).isAfter(before.plus(Duration.ofMinutes(50)));
        assertThat(as("lab.user5").get("/api/v1/requests/" + granted.get("id").asString()).json().get("timeline")
                .findValuesAsString("kind")).as("the grant's own request tells of the extension").contains("extended");
        Thread.sleep(25_000);
        assertThat(members("lab-short")).as("still a member after the original expiry").contains("uid=lab.user5," + PEOPLE);
        assertThat(membershipEntries()).as("no membership change in the audit trail").isEqualTo(entriesBefore);

        as("lab.user5").post("/api/v1/grants/" + grantId + "/revoke", Api.json(Map.of("reason", "done early")));

        awaitStatus(granted, "REVOKED");
        await().atMost(Duration.ofSeconds(10)).until(() -> !members("lab-short").contains("uid=lab.user5," + PEOPLE));
        await().atMost(Duration.ofSeconds(10)).until(() -> as("lab.user5").get("/api/v1/requests/" + granted.get("id").asString())
                .json().get("timeline").toString().contains("confirmed the access is gone"));
    }

    @Test
    void aHundredParallelApprovalsMakeOneApprovalAndOneGrant() throws Exception {
        JsonNode request = as("lab.user6").post("/api/v1/requests",
                Api.json(Map.of("app", "lab", "role", "single", "duration", "permanent"))).json();
        String id = request.get("id").asString();
        Api maria = as("maria.lopez");
        var pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                results.add(pool.submit((Callable<Integer>) () -> maria.post("/api/v1/requests/" + id + "/decision", decision("approve")).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
            assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(99);
        } finally {
            pool.shutdown();
        }
        JsonNode granted = awaitStatus(request, "GRANTED");
        assertThat(granted.get("approvals").get(0).get("decisions")).hasSize(1);
        var grants = admin().get("/api/v1/grants?person=lab.user6@acme.test&app=lab").json().get("items");
        assertThat(grants).hasSize(1);
    }

    @Test
    void aSecondOpenRequestForTheSameRoleIsA409NamingTheFirst() {
        JsonNode first = as("lab.user7").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "staged", "duration", "P7D"))).json();

        var second = as("lab.user7").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "staged", "duration", "P7D")));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains(first.get("id").asString());
        var cancelled = as("lab.user7").post("/api/v1/requests/" + first.get("id").asString() + "/cancel", "");
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(as("lab.user7").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "staged", "duration", "P7D"))).status())
                .as("after cancelling, asking again is fine").isEqualTo(201);
    }

    @Test
    void aToxicCombinationIsDeniedNamingTheConflictingGrant() throws Exception {
        JsonNode a = awaitStatus(as("lab.user8").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "a", "duration", "permanent"))).json(), "GRANTED");

        JsonNode b = as("lab.user8").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "b", "duration", "permanent"))).json();

        assertThat(b.get("status").asString()).isEqualTo("DENIED");
        assertThat(b.get("timeline").toString()).contains(a.get("grantId").asString()).contains("lab/a");
        assertThat(members("lab-b")).doesNotContain("uid=lab.user8," + PEOPLE);
    }

    @Test
    void badInputIsA400ThatNamesTheFieldAndChangesNothing() {
        Api sam = as("sam.taylor");
        long before = requestCount(sam);

        var unknownRole = sam.post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "owner", "duration", "PT1H")));
        var badDuration = sam.post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "short", "duration", "P1D")));
        var noReason = sam.post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "secret", "duration", "PT1H")));
        var notJson = sam.post("/api/v1/requests", "{app: lab");

        assertThat(List.of(unknownRole, badDuration, noReason, notJson)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        });
        assertThat(unknownRole.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(badDuration.json().get("detail").asString()).contains("P1D").contains("PT20S");
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("justification");
        assertThat(requestCount(sam)).isEqualTo(before);
    }

    @Test
    void decidingAClosedRequestIsA409() throws Exception {
        JsonNode request = as("sam.taylor").post("/api/v1/requests",
                Api.json(Map.of("app", "lab", "role", "secret", "duration", "PT1H", "justification", "incident 42"))).json();
        awaitStatus(request, "GRANTED");

        var late = as("maria.lopez").post("/api/v1/requests/" + request.get("id").asString() + "/decision", decision("deny"));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("GRANTED");
    }

    @Test
    void theEvidenceOfARequestShowsThePolicyTheDecisionsAndTheDirectoryChanges() throws Exception {
        JsonNode request = as("lab.user2").get("/api/v1/requests?mine=true").json().get("items").get(0);
        JsonNode granted = awaitStatus(as("lab.user1").get("/api/v1/requests?mine=true").json().get("items").get(0), "GRANTED");

        JsonNode evidence = admin().get("/api/v1/requests/" + granted.get("id").asString() + "/evidence").json();

        assertThat(evidence.get("policy").get("approval").asString()).isEqualTo("auto");
        assertThat(evidence.get("auditTrail").toString()).contains("request.submitted", "request.approved", "membership.added", "grant.activated");
        assertThat(evidence.get("chain").get("valid").asBoolean()).isTrue();
        assertThat(request).isNotNull();
    }

    @Test
    void aStageThatTimesOutEscalatesToTheAppOwners() {
        JsonNode request = as("lab.user9").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "slow", "duration", "permanent"))).json();
        String id = request.get("id").asString();

        JsonNode escalated = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin().get("/api/v1/requests/" + id).json(), r -> r.get("approvals").get(0).get("escalation").asInt() == 1);

        assertThat(escalated.get("approvals").get(0).get("approvers")).extracting(a -> a.get("email").asString())
                .containsExactly("priya.shah@acme.test");
        assertThat(as("maria.lopez").post("/api/v1/requests/" + id + "/decision", decision("approve")).status())
                .as("the manager's turn has passed").isEqualTo(403);
        assertThat(as("priya.shah").post("/api/v1/requests/" + id + "/decision", decision("approve")).status()).isEqualTo(200);
    }

    @Test
    void aRevokedGrantIsRemovedFromTheDirectory() throws Exception {
        JsonNode granted = awaitStatus(as("lab.user10").post("/api/v1/requests",
                Api.json(Map.of("app", "lab", "role", "a", "duration", "permanent"))).json(), "GRANTED");
        String grantId = granted.get("grantId").asString();
        assertThat(as("sam.taylor").post("/api/v1/grants/" + grantId + "/revoke", "{}").status())
                .as("a stranger may not revoke it").isEqualTo(403);

        var revoked = as("lab.user10").post("/api/v1/grants/" + grantId + "/revoke", Api.json(Map.of("reason", "done with it")));

        assertThat(revoked.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !members("lab-a").contains("uid=lab.user10," + PEOPLE));
        awaitStatus(granted, "REVOKED");
        assertThat(as("lab.user10").post("/api/v1/grants/" + grantId + "/revoke", "{}").status()).isEqualTo(409);
    }

    @Test
    void aRoleOfTwoGroupsIsGrantedOnceTheDirectoryConfirmedBothAndItsRevocationOnceBothAreGone() throws Exception {
        JsonNode granted = awaitStatus(as("lab.user13").post("/api/v1/requests",
                Api.json(Map.of("app", "lab", "role", "pair", "duration", "permanent"))).json(), "GRANTED");
        String grantUrl = "/api/v1/grants/" + granted.get("grantId").asString();

        assertThat(members("lab-pair-1")).contains("uid=lab.user13," + PEOPLE);
        assertThat(members("lab-pair-2")).contains("uid=lab.user13," + PEOPLE);
        JsonNode grant = admin().get(grantUrl).json();
        assertThat(grant.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(grant.get("memberships").findValuesAsString("state")).containsExactly("PRESENT", "PRESENT");

        assertThat(as("lab.user13").post(grantUrl + "/revoke", Api.json(Map.of("reason", "done"))).status()).isEqualTo(200);

        JsonNode removed = await().atMost(Duration.ofSeconds(10)).until(() -> admin().get(grantUrl).json(),
                g -> !g.get("removalConfirmedAt").isNull());
        assertThat(removed.get("memberships").findValuesAsString("state")).containsExactly("REMOVED", "REMOVED");
        assertThat(members("lab-pair-1")).doesNotContain("uid=lab.user13," + PEOPLE);
        assertThat(members("lab-pair-2")).doesNotContain("uid=lab.user13," + PEOPLE);
    }

    @Test
    void aRoleWhoseGroupLeftTheDirectoryFailsItsRequestNamingTheGroup() throws Exception {
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            ldap.delete("cn=lab-gone," + GROUPS);
        }
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");

        String id = as("lab.user9").post("/api/v1/requests",
                Api.json(Map.of("app", "lab", "role", "gone", "duration", "permanent"))).json().get("id").asString();

        JsonNode failed = await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/v1/requests/" + id).json(),
                r -> r.get("status").asString().equals("FAILED"));
        assertThat(failed.get("timeline").toString()).contains("the directory has no group named 'lab-gone'");
    }

    @Test
    void askingOnBehalfOfSomeoneNeedsToBeTheirManagerOrAnAdmin() {
        var stranger = as("sam.taylor").post("/api/v1/requests",
                Api.json(Map.of("beneficiary", "lab.user11@acme.test", "app", "lab", "role", "a", "duration", "permanent")));

        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().get("detail").asString()).contains("manager or an admin");
    }

    @Test
    void aMembershipRemovedBehindClavissBackIsProvisionedAgainAndUnexplainedOnesInAnExclusiveGroupAreRemoved() throws Exception {
        JsonNode granted = awaitStatus(as("lab.user12").post("/api/v1/requests",
                Api.json(Map.of("app", "lab", "role", "owned", "duration", "permanent"))).json(), "GRANTED");
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            ldap.modify("cn=lab-owned," + GROUPS, new com.unboundid.ldap.sdk.Modification(
                    com.unboundid.ldap.sdk.ModificationType.DELETE, "member", "uid=lab.user12," + PEOPLE));
            ldap.modify("cn=lab-owned," + GROUPS, new com.unboundid.ldap.sdk.Modification(
                    com.unboundid.ldap.sdk.ModificationType.ADD, "member", "uid=sam.taylor," + PEOPLE));
        }

        syncAndWait("");

        await().atMost(Duration.ofSeconds(20)).until(() -> members("lab-owned").equals(List.of("uid=lab.user12," + PEOPLE)));
        assertThat(admin().get("/api/v1/grants/" + granted.get("grantId").asString()).json().get("status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void theMetricsSummaryCountsGrantedRequestsAndActiveGrants() throws Exception {
        awaitStatus(as("lab.user11").post("/api/v1/requests", Api.json(Map.of("app", "lab", "role", "b", "duration", "permanent"))).json(), "GRANTED");

        JsonNode summary = admin().get("/api/v1/metrics/summary").json();

        assertThat(summary.get("granted").asLong()).isPositive();
        assertThat(summary.get("automationRate").asDouble()).isBetween(0.01, 1.0);
        assertThat(summary.get("activeGrants").asLong()).isPositive();
        assertThat(summary.get("timeToAccess").get("p95").asString()).startsWith("PT");
    }

    private Api as(String uid) {
        return tokens.computeIfAbsent(uid, u -> {
            var created = admin().post("/api/v1/tokens", Api.json(Map.of("person", u + "@acme.test", "scopes", List.of("request", "approve"))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return admin().as(created.json().get("token").asString());
        });
    }

    private JsonNode awaitStatus(JsonNode request, String status) {
        String id = request.get("id").asString();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> admin().get("/api/v1/requests/" + id).json(), r -> {
                    String now = r.get("status").asString();
                    if (!now.equals(status) && List.of("FAILED", "DENIED", "CANCELLED").contains(now)) {
                        throw new AssertionError("request ended " + now + ": " + r.get("timeline"));
                    }
                    return now.equals(status);
                });
    }

    private List<String> members(String group) throws Exception {
        return members(LDAP_PORT, group);
    }

    private long membershipEntries() {
        return admin().get("/api/v1/audit?type=membership.&limit=500").json().get("items").size();
    }

    private long requestCount(Api api) {
        return api.get("/api/v1/requests?mine=true&limit=500").json().get("items").size();
    }

    private static String decision(String decision) {
        return Api.json(Map.of("decision", decision, "comment", "looks right"));
    }

}
