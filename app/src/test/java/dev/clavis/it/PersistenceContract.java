package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.clavis.support.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What Clavis keeps in its database (the synced directory, catalog versions, tokens), checked
 * through the API on each database it supports.
 */
abstract class PersistenceContract extends RunningClavis {

    @Autowired
    private JdbcTemplate jdbc;

    protected abstract int ldapPort();

    @Test
    void theDemoOrganisationIsServedPageByPage() {
        Set<String> emails = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = admin().get("/api/v1/people?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(person -> emails.add(person.get("email").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(emails).hasSizeGreaterThanOrEqualTo(200).contains("maria.lopez@acme.test", "sam.taylor@acme.test");
    }

    @Test
    void aPersonKeepsTheirManagerDepartmentTitleAndGroups() {
        JsonNode maria = admin().get("/api/v1/people/maria.lopez@acme.test").json();
        JsonNode sam = admin().get("/api/v1/people/sam.taylor@acme.test").json();

        assertThat(sam.get("managerId").asString()).isEqualTo(maria.get("id").asString());
        assertThat(sam.get("department").asString()).isEqualTo("Engineering");
        assertThat(sam.get("title").asString()).isNotBlank();
        assertThat(sam.get("employeeType").asString()).isNotBlank();
        assertThat(sam.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(names(sam.get("groups"))).contains("all-staff");
        assertThat(sam.get("grants").isArray()).as("the person's grants in effect are shown with them").isTrue();
        assertThat(admin().get("/api/v1/people/" + sam.get("id").asString()).json().get("email").asString())
                .isEqualTo("sam.taylor@acme.test");
    }

    @Test
    void peopleAreFoundByNameDepartmentAndGroup() {
        var engineers = admin().get("/api/v1/people?department=engineering&limit=500").json().get("items");
        var taylors = admin().get("/api/v1/people?query=TAYLOR").json().get("items");
        var githubAdmins = admin().get("/api/v1/people?group=github-admins").json().get("items");

        assertThat(engineers).isNotEmpty().allSatisfy(p -> assertThat(p.get("department").asString()).isEqualTo("Engineering"));
        assertThat(taylors).extracting(p -> p.get("email").asString()).contains("sam.taylor@acme.test");
        assertThat(githubAdmins).isNotEmpty();
    }

    @Test
    void groupsCarryTheirMemberCount() {
        var groups = admin().get("/api/v1/groups?query=github").json().get("items");

        assertThat(groups).extracting(g -> g.get("name").asString()).contains("github-members", "github-admins");
        assertThat(groups).allSatisfy(g -> assertThat(g.get("memberCount").asInt()).isPositive());
    }

    @Test
    void aChangeInTheDirectoryReachesClavisWithTheNextSync() throws Exception {
        String uid = "new.hire." + UUID.randomUUID().toString().substring(0, 8);
        String dn = "uid=" + uid + ",ou=people," + BASE_DN;
        try (LDAPConnection ldap = ldap(ldapPort())) {
            ldap.add(dn,
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                    new Attribute("uid", uid), new Attribute("cn", "New Hire"), new Attribute("sn", "Hire"),
                    new Attribute("givenName", "New"), new Attribute("mail", uid + "@acme.test"),
                    new Attribute("departmentNumber", "Finance"), new Attribute("title", "Analyst"),
                    new Attribute("employeeType", "contractor"));
            ldap.modify("cn=github-members,ou=groups," + BASE_DN,
                    new Modification(ModificationType.ADD, "member", dn));

            JsonNode sync = syncAndWait("");
            assertThat(sync.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(sync.get("counts").get("peopleAdded").asInt()).isEqualTo(1);
            assertThat(sync.get("counts").get("membershipsAdded").asInt()).isEqualTo(1);
            JsonNode hire = admin().get("/api/v1/people/" + uid + "@acme.test").json();
            assertThat(hire.get("department").asString()).isEqualTo("Finance");
            assertThat(names(hire.get("groups"))).containsExactly("github-members");

            ldap.delete(dn);
            ldap.modify("cn=github-members,ou=groups," + BASE_DN, new Modification(ModificationType.DELETE, "member", dn));
        }
        JsonNode sync = syncAndWait("");

        assertThat(sync.get("counts").get("peopleDeparted").asInt()).isEqualTo(1);
        JsonNode departed = admin().get("/api/v1/people/" + uid + "@acme.test").json();
        assertThat(departed.get("status").asString()).isEqualTo("DEPARTED");
        assertThat(departed.get("groups")).isEmpty();
    }

    @Test
    void aSyncOfAnUnchangedDirectoryChangesNothing() {
        syncAndWait("");

        JsonNode counts = syncAndWait("").get("counts");

        assertThat(counts.get("peopleRead").asInt()).isGreaterThanOrEqualTo(200);
        assertThat(counts.get("membershipsRead").asInt()).isPositive();
        for (String counter : List.of("peopleAdded", "peopleUpdated", "peopleDeparted", "groupsAdded", "groupsRemoved",
                "membershipsAdded", "membershipsRemoved")) {
            assertThat(counts.get(counter).asInt()).as(counter).isZero();
        }
    }

    @Test
    void anUnknownSyncIsA404Problem() {
        var response = admin().get("/api/v1/directory/sync/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aCatalogIsCheckedThenAppliedAsANewVersion() {
        long before = version();
        String yaml = admin().get("/api/v1/catalog").body();
        String changed = yaml.replaceFirst("name: GitHub\\b", "name: GitHub Enterprise");
        try {
            var dryRun = admin().put("/api/v1/catalog?dryRun=true", changed, "application/yaml");
            assertThat(dryRun.status()).isEqualTo(200);
            assertThat(dryRun.json().get("applied").asBoolean()).isFalse();
            assertThat(dryRun.json().get("changes").get(0).get("fields").get(0).asString()).isEqualTo("name");
            assertThat(version()).isEqualTo(before);

            var applied = admin().put("/api/v1/catalog?dryRun=false", changed, "application/yaml");

            assertThat(applied.json().get("applied").asBoolean()).isTrue();
            assertThat(version()).isEqualTo(before + 1);
            assertThat(admin().get("/api/v1/catalog/apps/github").json().get("name").asString()).isEqualTo("GitHub Enterprise");
        } finally {
            admin().put("/api/v1/catalog?dryRun=false", yaml, "application/yaml");
        }
    }

    @Test
    void aRoleMappedToAGroupTheDirectoryLacksIsReportedAsNotAutomatable() {
        String yaml = admin().get("/api/v1/catalog").body();
        String missing = yaml.replaceFirst("\\[github-admins\\]", "[github-admins, github-owners-that-do-not-exist]");

        var dryRun = admin().put("/api/v1/catalog?dryRun=true", missing, "application/yaml").json();

        assertThat(dryRun.get("missingGroups").get("github/admin").get(0).asString()).isEqualTo("github-owners-that-do-not-exist");
        assertThat(dryRun.get("warnings").get(0).asString()).contains("github/admin is not automatable");
    }

    @Test
    void aRoleMappedToAGroupManagedElsewhereIsReportedAsNotAutomatable() {
        // what a sync records when the connector reports the group's members as mastered by another system,
        // as the Okta connector does for an APP_GROUP imported from Active Directory
        String reason = "an Okta APP_GROUP: its members are imported from an app such as Active Directory";
        jdbc.update("update directory_group set managed_elsewhere = ? where name = 'github-admins'", reason);
        try {
            JsonNode admin = role(admin().get("/api/v1/catalog/apps/github").json(), "admin");
            var dryRun = admin().put("/api/v1/catalog?dryRun=true", admin().get("/api/v1/catalog").body(),
                    "application/yaml").json();

            assertThat(admin.get("automatable").asBoolean()).isFalse();
            assertThat(admin.get("groupsManagedElsewhere").get("github-admins").asString()).isEqualTo(reason);
            assertThat(dryRun.get("groupsManagedElsewhere").get("github/admin").get("github-admins").asString())
                    .isEqualTo(reason);
            assertThat(dryRun.get("warnings").toString())
                    .contains("github/admin is not automatable: Clavis cannot change the members of group github-admins");
        } finally {
            jdbc.update("update directory_group set managed_elsewhere = null where name = 'github-admins'");
        }
    }

    private static JsonNode role(JsonNode app, String roleId) {
        for (JsonNode role : app.get("roles")) {
            if (role.get("id").asString().equals(roleId)) {
                return role;
            }
        }
        throw new AssertionError(app.get("id").asString() + " has no role " + roleId);
    }

    @Test
    void aBadCatalogIsA400NamingEachBadFieldAndChangesNothing() {
        long before = version();
        String yaml = admin().get("/api/v1/catalog").body();
        String bad = yaml.replaceFirst("risk: \\w+", "risk: extreme").replaceFirst("approval:", "aproval:");

        var response = admin().put("/api/v1/catalog?dryRun=false", bad, "application/yaml");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).anySatisfy(f -> assertThat(f).endsWith(".risk")).anySatisfy(f -> assertThat(f).endsWith(".aproval"));
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void catalogAppsShowRolesWithTheirPolicy() {
        JsonNode apps = admin().get("/api/v1/catalog/apps").json().get("items");

        assertThat(apps.size()).isGreaterThanOrEqualTo(10);
        JsonNode github = admin().get("/api/v1/catalog/apps/github").json();
        assertThat(github.get("owners").get(0).asString()).isEqualTo("maria.lopez@acme.test");
        JsonNode role = github.get("roles").get(0);
        assertThat(role.has("groups") && role.has("risk") && role.has("durations") && role.has("approval")).isTrue();
        assertThat(role.get("automatable").asBoolean()).isTrue();
    }

    @Test
    void aTokenActsAsItsPersonWithItsScopesOnly() {
        var created = admin().post("/api/v1/tokens", Api.json(Map.of("person", "sam.taylor@acme.test", "scopes", List.of("request"))));

        assertThat(created.status()).isEqualTo(201);
        Api sam = admin().as(created.json().get("token").asString());
        assertThat(sam.get("/api/v1/people?limit=1").status()).isEqualTo(200);
        var forbidden = sam.post("/api/v1/tokens", Api.json(Map.of("person", "sam.taylor@acme.test", "scopes", List.of("admin"))));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(sam.put("/api/v1/catalog?dryRun=false", "apps: []", "application/yaml").status()).isEqualTo(403);
    }

    @Test
    void aTokenForSomeoneNotInTheDirectoryOrWithAnUnknownScopeIsRefused() {
        var nobody = admin().post("/api/v1/tokens", Api.json(Map.of("person", "nobody@acme.test", "scopes", List.of("request"))));
        var badScope = admin().post("/api/v1/tokens", Api.json(Map.of("person", "sam.taylor@acme.test", "scopes", List.of("root"))));

        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().get("detail").asString()).contains("nobody@acme.test");
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().get("detail").asString()).contains("'root'");
    }

    /** The version in force, as a dry run of the catalog in force answers it. */
    private long version() {
        return admin().put("/api/v1/catalog?dryRun=true", admin().get("/api/v1/catalog").body(), "application/yaml")
                .json().get("version").asLong();
    }

    private static List<String> names(JsonNode groups) {
        List<String> names = new ArrayList<>();
        groups.forEach(g -> names.add(g.get("name").asString()));
        return names;
    }
}
