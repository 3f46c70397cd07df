package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.LDAPConnection;
import dev.clavis.support.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Kill -9 in the middle of provisioning: after a restart every approved request ends GRANTED, each
 * membership was confirmed once, and the audit trail still verifies.
 */
class CrashRecoveryIT {

    private static final int REQUESTS = 40;
    private static final String GROUP = "cn=github-members,ou=groups,dc=acme,dc=test";
    /** Slow, short-leased provisioning, so the kill lands while tasks are queued or in flight. */
    private static final Map<String, String> SLOW_PROVISIONING = Map.of(
            "CLAVIS_PROVISIONING_RATE_LIMIT", "2",
            "CLAVIS_PROVISIONING_LEASE", "PT5S");

    @TempDir
    Path dataDir;

    @Test
    void killingTheServerMidProvisioningLosesNothingAndAddsNothingTwice() throws Exception {
        List<String> requestIds = new ArrayList<>();
        try (var clavis = new ClavisProcess(dataDir, SLOW_PROVISIONING)) {
            clavis.start();
            Set<String> members = members(clavis);
            List<String> people = new ArrayList<>();
            for (JsonNode person : clavis.api().get("/api/v1/people?status=ACTIVE&limit=500").json().get("items")) {
                String dn = "uid=" + person.get("email").asString().replace("@acme.test", "") + ",ou=people,dc=acme,dc=test";
                if (!members.contains(dn) && people.size() < REQUESTS) {
                    people.add(person.get("email").asString());
                }
            }
            for (String email : people) {
                var token = clavis.api().post("/api/v1/tokens", Api.json(Map.of("person", email, "scopes", List.of("request"))));
                var request = clavis.api().as(token.json().get("token").asString()).post("/api/v1/requests",
                        Api.json(Map.of("app", "github", "role", "member", "duration", "permanent")));
                assertThat(request.status()).as(request.body()).isEqualTo(201);
                requestIds.add(request.json().get("id").asString());
            }
            long granted = granted(clavis, requestIds);
            System.out.printf("killed with %d of %d requests granted%n", granted, REQUESTS);
            assertThat(granted).as("the kill must land mid-provisioning").isLessThan(REQUESTS);
            clavis.kill();
        }

        try (var clavis = new ClavisProcess(dataDir, Map.of("CLAVIS_PROVISIONING_LEASE", "PT5S"))) {
            clavis.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> granted(clavis, requestIds) == REQUESTS);

            Set<String> members = members(clavis);
            for (String id : requestIds) {
                JsonNode request = clavis.api().get("/api/v1/requests/" + id).json();
                assertThat(members).contains(dn(request.get("beneficiary").get("email").asString()));
                JsonNode confirmations = clavis.api().get("/api/v1/audit?subject=grant:" + request.get("grantId").asString()
                        + "&type=membership.").json().get("items");
                List<String> confirmed = new ArrayList<>();
                confirmations.forEach(e -> confirmed.add(e.get("type").asString()));
                assertThat(confirmed).as("confirmations of request " + id)
                        .filteredOn(t -> t.equals("membership.added") || t.equals("membership.already-member")).hasSize(1);
            }
            assertThat(clavis.api().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
        }
    }

    private static long granted(ClavisProcess clavis, List<String> ids) {
        return ids.stream().filter(id -> clavis.api().get("/api/v1/requests/" + id).json().get("status").asString().equals("GRANTED")).count();
    }

    private Set<String> members(ClavisProcess clavis) throws Exception {
        String password = Files.readString(dataDir.resolve("embedded-ldap.password"), StandardCharsets.UTF_8).strip();
        try (var ldap = new LDAPConnection("127.0.0.1", clavis.ldapPort(), "cn=admin,dc=acme,dc=test", password)) {
            Set<String> members = new HashSet<>();
            for (String value : ldap.getEntry(GROUP, "member").getAttributeValues("member")) {
                members.add(value.toLowerCase());
            }
            return members;
        }
    }

    private static String dn(String email) {
        return "uid=" + email.replace("@acme.test", "") + ",ou=people,dc=acme,dc=test";
    }
}
