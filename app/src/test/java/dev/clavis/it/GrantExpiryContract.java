package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.clavis.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Grants end at their expiry in batches, on each database Clavis supports: a wave larger than a batch is
 * ended whole and leaves the directory, and a grant that cannot be ended holds up no other. Time is moved
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
        List<String> people = people(0, 150);
        people.forEach(person -> request(person, "wave"));
        await().atMost(Duration.ofSeconds(60)).until(() -> grants("wave", "ACTIVE").size() == people.size());

        expireAll("wave", Instant.now().minusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> members("expiry-wave").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> grants("wave", "EXPIRED").size() == people.size());
        assertThat(members("expiry-wave")).containsExactly(KEEPER);
        assertThat(requestStatuses("wave")).containsOnly("EXPIRED").hasSize(people.size());
        assertThat(admin().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aGrantThatCannotBeEndedHoldsUpNoOther() throws Exception {
        List<String> people = people(150, 3);
        people.forEach(person -> request(person, "stuck"));
        await().atMost(Duration.ofSeconds(30)).until(() -> grants("stuck", "ACTIVE").size() == people.size());
        String refused = jdbc.queryForObject(
                "select id from access_grant where app_id = 'expiry' and role_id = 'stuck' order by id fetch first 1 rows only",
                String.class);
        // The database refuses to let this one grant expire, as it would a row it could not write.
        jdbc.execute("alter table access_grant add constraint expiry_refused check (id <> '" + refused + "' or status <> 'EXPIRED')");
        try {
            expireAll("stuck", Instant.now().minusSeconds(1));
            // The refused grant is due first, so it is in every batch that reaches the others.
            jdbc.update("update access_grant set expires_at = ? where id = ?",
                    OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), java.util.UUID.fromString(refused));

            await().atMost(Duration.ofSeconds(30)).until(() -> grants("stuck", "EXPIRED").size() == people.size() - 1);
            assertThat(grants("stuck", "ACTIVE")).containsExactly(refused);
            assertThat(members("expiry-stuck")).hasSize(2);
        } finally {
            jdbc.execute("alter table access_grant drop constraint expiry_refused");
        }

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

    private void expireAll(String role, Instant at) {
        jdbc.update("update access_grant set expires_at = ? where app_id = 'expiry' and role_id = ? and status = 'ACTIVE'",
                at.atOffset(ZoneOffset.UTC), role);
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
        try (LDAPConnection ldap = ldap(ldapPort())) {
            String[] values = ldap.getEntry("cn=" + group + "," + GROUPS, "member").getAttributeValues("member");
            return values == null ? List.of() : List.of(values).stream().map(String::toLowerCase).toList();
        }
    }
}
