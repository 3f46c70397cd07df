package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run with no settings but ports, serves the demo organisation and survives a crash. */
class ExecutableJarIT {

    private static final String GROUPS = "ou=groups,dc=acme,dc=test";

    @TempDir
    Path dataDir;

    @Test
    void theJarAloneServesTheDemoOrganisationAndTheSameGroupsOverLdap() throws Exception {
        try (var clavis = new ClavisProcess(dataDir, Map.of())) {
            Duration healthy = clavis.start();
            System.out.printf("Clavis was healthy %d ms after java -jar%n", healthy.toMillis());

            var people = clavis.api().get("/api/v1/people?limit=500").json().get("items");
            assertThat(people.size()).isGreaterThanOrEqualTo(200);
            Set<String> apiGroups = new HashSet<>();
            clavis.api().get("/api/v1/groups?limit=500").json().get("items").forEach(g -> apiGroups.add(g.get("name").asString()));
            try (LDAPConnection ldap = ldap(clavis)) {
                Set<String> ldapGroups = ldap.search(GROUPS, SearchScope.ONE, "(objectClass=groupOfNames)", "cn")
                        .getSearchEntries().stream().map(e -> e.getAttributeValue("cn")).collect(Collectors.toSet());
                assertThat(apiGroups).isEqualTo(ldapGroups);
            }
            assertThat(Files.exists(dataDir.resolve("embedded-ldap.password"))).isTrue();
        }
    }

    @Test
    void aDirectoryChangeSurvivesKillingTheServer() throws Exception {
        String samDn;
        try (var clavis = new ClavisProcess(dataDir, Map.of())) {
            clavis.start();
            try (LDAPConnection ldap = ldap(clavis)) {
                samDn = sam(ldap).getDN();
                ldap.modify("cn=github-admins," + GROUPS, new Modification(ModificationType.ADD, "member", samDn));
            }
            clavis.kill();
        }
        try (var clavis = new ClavisProcess(dataDir, Map.of())) {
            clavis.start();
            try (LDAPConnection ldap = ldap(clavis)) {
                assertThat(ldap.getEntry("cn=github-admins," + GROUPS).getAttributeValues("member")).contains(samDn);
            }
            assertThat(clavis.api().get("/api/v1/people/sam.taylor@acme.test").status()).isEqualTo(200);
        }
    }

    private LDAPConnection ldap(ClavisProcess clavis) throws Exception {
        String password = Files.readString(dataDir.resolve("embedded-ldap.password"), StandardCharsets.UTF_8).strip();
        return new LDAPConnection("127.0.0.1", clavis.ldapPort(), "cn=admin,dc=acme,dc=test", password);
    }

    private static SearchResultEntry sam(LDAPConnection ldap) throws Exception {
        return ldap.searchForEntry("ou=people,dc=acme,dc=test", SearchScope.ONE, "(mail=sam.taylor@acme.test)");
    }
}
