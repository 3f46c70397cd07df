package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A sync that would mark a large share of people departed stops and waits for an admin. */
class LargeRemovalIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    @Test
    void aSyncThatWouldMarkMostPeopleDepartedWaitsForConfirmation() throws Exception {
        int removed = 0;
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            var people = ldap.search("ou=people," + BASE_DN, SearchScope.ONE, "(departmentNumber=Sales)", "1.1")
                    .getSearchEntries();
            var more = ldap.search("ou=people," + BASE_DN, SearchScope.ONE, "(departmentNumber=Customer Support)", "1.1")
                    .getSearchEntries();
            for (var entry : people) {
                ldap.delete(entry.getDN());
                removed++;
            }
            for (var entry : more) {
                ldap.delete(entry.getDN());
                removed++;
            }
        }
        assertThat(removed).as("people removed from the directory").isGreaterThan(48);

        JsonNode refused = syncAndWait("");

        assertThat(refused.get("status").asString()).isEqualTo("FAILED");
        assertThat(refused.get("error").asString()).contains("no longer lists " + removed).contains("confirmLargeRemoval=true");
        assertThat(admin().get("/api/v1/people?status=DEPARTED").json().get("items")).isEmpty();

        JsonNode confirmed = syncAndWait("?confirmLargeRemoval=true");

        assertThat(confirmed.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(confirmed.get("counts").get("peopleDeparted").asInt()).isEqualTo(removed);
        assertThat(admin().get("/api/v1/people?status=DEPARTED&limit=500").json().get("items").size()).isEqualTo(removed);
    }
}
