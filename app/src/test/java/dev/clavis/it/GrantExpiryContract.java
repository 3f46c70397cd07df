package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.clavis.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Grants end at their expiry in batches, on each database Clavis supports: a wave larger than a batch is
 * ended whole and leaves the directory, and grants that cannot be ended hold up no other. Time is moved
 * by setting {@code expires_at} in the past, as if the grants' hour had passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GrantExpiryContract extends RunningClavis {

    private static final String GROUPS = "ou=groups," + BASE_DN;
    private static final String KEEPER = "uid=maria.lopez,ou=people," + BASE_DN;

    @Autowired
    JdbcTemplate jdbc;

    /** An admin, who may ask on anyone's behalf. */
    private Api priya;

    protected abstract int ldapPort();

    /** Two groups whose only member is a keeper (a group of names needs one), each the group of an hour-long role. */
    @BeforeAll
    void roles() throws Exception {
        try (LDAPConnection ldap = ldap(ldapPort())) {
            for (String group : List.of("expiry-wave", "expiry-stuck")) {
                ldap.add("cn=" + group + "," + GROUPS, new Attribute("objectClass", "top", "groupOfNames"),
                        new Attribute("cn", group), new Attribute("member", KEEPER));
            }
        }
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        String catalog = admin().get("/api/v1/catalog").body() + """
                  - id: expiry
                    name: Expiry Lab
                    owners: [priya.shah@acme.test]
                    roles:
                      - id: wave
                        groups: [expiry-wave]
                        risk: low
                        durations: [PT1H]
                        approval: auto
                      - id: stuck
                        groups: [expiry-stuck]
                        risk: low
                        durations: [PT1H]
                        approval: auto
                """;
        var applied = admin().put("/api/v1/catalog?dryRun=false", catalog, "application/yaml");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        var token = admin().post("/api/v1/tokens", Api.json(Map.of("person", "priya.shah@acme.test", "scopes", List.of("request", "admin"))));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        priya = admin().as(token.json().get("token").asString());
    }

    @Test
    void aWaveOfGrantsLargerThanABatchIsEndedWholeAndLeavesTheDirectory() throws Exception {
        List<String> people = people(0, 120);
        people.forEach(person -> request(person, "wave"));
        await().atMost(Duration.ofSeconds(60)).until(() -> grants("wave", "ACTIVE").size() == people.size());

        expire(grants("wave", "ACTIVE"), Instant.now().minusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> members("expiry-wave").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> grants("wave", "EXPIRED").size() == people.size());
        assertThat(members("expiry-wave")).containsExactly(KEEPER);
        assertThat(requestStatuses("wave")).containsOnly("EXPIRED").hasSize(people.size());
        assertThat(admin().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void moreThanABatchOfGrantsThatCannotBeEndedHoldUpNoOther() throws Exception {
        List<String> people = people(120, 104);
        people.forEach(person -> request(person, "stuck"));
        await().atMost(Duration.ofSeconds(60)).until(() -> grants("stuck", "ACTIVE").size() == people.size());
        List<String> all = grants("stuck", "ACTIVE");
        List<String> refused = all.subList(0, 101);
        List<String> others = all.subList(101, all.size());
        // The database refuses to let these grants expire, as it would rows it could not write.
        jdbc.execute("alter table access_grant add constraint expiry_refused check (status <> 'EXPIRED' or id not in ("
                + String.join(", ", refused.stream().map(id -> "'" + id + "'").toList()) + "))");
        try {
            // The refused grants are due first, so a whole batch of them comes before the others.
            expire(refused, Instant.now().minusSeconds(60));
            expire(others, Instant.now().minusSeconds(1));

            await().atMost(Duration.ofSeconds(30)).until(() -> grants("stuck", "EXPIRED").size() == others.size());
            assertThat(grants("stuck", "EXPIRED")).containsExactlyInAnyOrderElementsOf(others);
            assertThat(grants("stuck", "ACTIVE")).containsExactlyInAnyOrderElementsOf(refused);
        } finally {
            jdbc.execute("alter table access_grant drop constraint expiry_refused");
        }

        // Passed over for CLAVIS_GRANTS_EXPIRY_RETRY (PT2S here), then tried again.
        await().atMost(Duration.ofSeconds(30)).until(() -> members("expiry-stuck").size() == 1);
        assertThat(grants("stuck", "EXPIRED")).hasSize(people.size());
    }

    /** Active people other than the keeper, in the order the API lists them. */
    private List<String> people(int from, int count) {
        var emails = new ArrayList<String>();
        for (JsonNode person : admin().get("/api/v1/people?limit=500").json().get("items")) {
            String email = person.get("email").asString();
            if (!email.equals("maria.lopez@acme.test") && person.path("status").asString("ACTIVE").equals("ACTIVE")) {
                emails.add(email);
            }
        }
        assertThat(emails).hasSizeGreaterThanOrEqualTo(from + count);
        return emails.subList(from, from + count);
    }

    private void request(String person, String role) {
        var answer = priya.post("/api/v1/requests",
                Api.json(Map.of("beneficiary", person, "app", "expiry", "role", role, "duration", "PT1H")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private void expire(List<String> grants, Instant at) {
        grants.forEach(id -> jdbc.update("update access_grant set expires_at = ? where id = ?", at.atOffset(ZoneOffset.UTC),
                UUID.fromString(id)));
    }

    private List<String> grants(String role, String status) {
        JsonNode items = admin().get("/api/v1/grants?app=expiry&status=" + status + "&limit=500").json().get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(grant -> grant.get("role").asString().equals(role))
                .map(grant -> grant.get("id").asString())
                .toList();
    }

    private List<String> requestStatuses(String role) {
        return jdbc.queryForList("select status from access_request where app_id = 'expiry' and role_id = ?", String.class, role);
    }

    private List<String> members(String group) throws Exception {
        return members(ldapPort(), group);
    }
}
