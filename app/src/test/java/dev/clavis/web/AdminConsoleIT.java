package dev.clavis.web;

import static dev.clavis.web.ConsoleBrowser.location;
import static dev.clavis.web.ConsoleBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clavis.it.RunningClavis;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin pages over HTTP, as Priya (in clavis-admins) uses them, against Clavis on the demo organisation.
 * The large-removal fact empties two departments of the directory, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final String PRIYA = "priya.shah@acme.test";
    private static final String EDITOR = "<textarea name=\"yaml\" id=\"yaml\"[^>]*>(.*?)</textarea>";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    @Test
    void thePreviewShowsTheDiffAndWhatChangesAndAppliesNothing() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String page = priya.get("/admin/catalog").body();
        long version = version(page);
        String yaml = text(page, EDITOR);

        String preview = preview(priya, page, yaml.replace("name: Salesforce", "name: Salesforce CRM"));

        assertThat(preview).contains("Preview: nothing has changed yet");
        assertThat(text(preview, "<tr class=\"diff-removed\">.*?<pre>(.*?)</pre>")).isEqualTo("    name: Salesforce");
        assertThat(text(preview, "<tr class=\"diff-added\">.*?<pre>(.*?)</pre>")).isEqualTo("    name: Salesforce CRM");
        assertThat(preview).containsPattern("changed</strong> <span>app salesforce</span><span>: name</span>");
        assertThat(preview).contains("id=\"apply\"");
        assertThat(version(priya.get("/admin/catalog").body())).isEqualTo(version);
        assertThat(admin().get("/api/v1/catalog/apps/salesforce").json().get("name").asString()).isEqualTo("Salesforce");
    }

    @Test
    void aCatalogProblemIsShownWithItsLineAndNothingChanges() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String page = priya.get("/admin/catalog").body();
        long version = version(page);
        String yaml = text(page, EDITOR);
        String broken = yaml.replaceFirst("risk: privileged", "risk: extreme");
        int line = lineOf(broken, "risk: extreme");

        String preview = preview(priya, page, broken);

        assertThat(preview).contains("The catalog cannot be applied");
        assertThat(text(preview, "<td class=\"line\">(\\d+)</td><td><code>apps\\[github\\]\\.roles\\[admin\\]\\.risk</code>"))
                .isEqualTo(String.valueOf(line));
        assertThat(preview).doesNotContain("id=\"apply\"");

        String notYaml = preview(priya, page, "apps:\n  - id: github\n    name: [unclosed\n");
        assertThat(notYaml).contains("The catalog cannot be applied").containsPattern("<td class=\"line\">\\d+</td>");
        assertThat(version(priya.get("/admin/catalog").body())).isEqualTo(version);
        assertThat(admin().get("/api/v1/catalog/apps/github").json().get("roles").get(1).get("risk").asString())
                .isEqualTo("privileged");
    }

    @Test
    void applyingThePreviewedTextMakesTheNextVersion() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String page = priya.get("/admin/catalog").body();
        long version = version(page);
        String preview = preview(priya, page, text(page, EDITOR).replace("name: HubSpot", "name: HubSpot Sales"));

        HttpResponse<String> applied = priya.post("/admin/catalog/apply", preview, applyFields(preview));

        assertThat(applied.statusCode()).isEqualTo(302);
        String after = priya.get(location(applied)).body();
        assertThat(version(after)).isEqualTo(version + 1);
        assertThat(after).contains("Applied: version " + (version + 1)).contains("Applied by <strong>" + PRIYA + "</strong>");
        assertThat(admin().get("/api/v1/catalog/apps/hubspot").json().get("name").asString()).isEqualTo("HubSpot Sales");
        assertThat(admin().get("/api/v1/audit?type=catalog.applied&subject=catalog:" + (version + 1)).body()).contains(PRIYA);
    }

    @Test
    void anApplyOntoAnOlderVersionIsRefusedNamingTheNewerOne() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String page = priya.get("/admin/catalog").body();
        long version = version(page);
        String yaml = text(page, EDITOR);
        String preview = preview(priya, page, yaml.replace("name: GitHub", "name: GitHub Enterprise"));
        String meanwhile = yaml.replace("name: AWS", "name: Amazon Web Services");
        assertThat(admin().put("/api/v1/catalog?dryRun=false", meanwhile, "application/yaml").status()).isEqualTo(200);

        HttpResponse<String> refused = priya.post("/admin/catalog/apply", preview, applyFields(preview));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(text(refused.body(), "<p class=\"error\" id=\"refusal\" role=\"alert\">(.*?)</p>"))
                .contains("version " + (version + 1)).contains("Nothing was applied");
        assertThat(version(priya.get("/admin/catalog").body())).isEqualTo(version + 1);
        assertThat(admin().get("/api/v1/catalog/apps/github").json().get("name").asString()).isEqualTo("GitHub");
        assertThat(admin().get("/api/v1/catalog/apps/aws").json().get("name").asString()).isEqualTo("Amazon Web Services");
    }

    @Test
    void aTokenMadeOnThePageWorksOnTheApiUntilItIsRevoked() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String page = priya.get("/admin/tokens").body();

        String made = priya.post("/admin/tokens", page, Map.of("person", "sam.taylor@acme.test", "name", "sam's script", "scopes", "request", "days", "30")).body();

        String secret = text(made, "<code id=\"secret\">(clv_[^<]+)</code>");
        assertThat(admin().as(secret).get("/api/v1/requests?mine=true").status()).isEqualTo(200);
        String listed = priya.get("/admin/tokens").body();
        assertThat(listed).contains("sam&#39;s script").contains("sam.taylor@acme.test").doesNotContain(secret);
        String tokenId = text(listed, "<tr id=\"token-([0-9a-f-]{36})\"><td>sam&#39;s script</td>");
        assertThat(admin().get("/api/v1/audit?type=token.issued&subject=token:" + tokenId).body()).contains(PRIYA);

        HttpResponse<String> revoked = priya.post("/admin/tokens/" + tokenId + "/revoke", listed, Map.of());

        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(admin().as(secret).get("/api/v1/requests?mine=true").status()).isEqualTo(401);
        assertThat(priya.get("/admin/tokens").body()).containsPattern("(?s)<tr id=\"token-" + tokenId + "\">.*?<td>revoked 20");
        assertThat(admin().get("/api/v1/audit?type=token.revoked&subject=token:" + tokenId).body()).contains(PRIYA);
    }

    @Test
    void aTokenForNobodyInTheDirectoryIsRefusedWithAReason() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String page = priya.get("/admin/tokens").body();

        String refused = priya.post("/admin/tokens", page, Map.of("person", "nobody@acme.test", "scopes", "admin", "days", "30")).body();

        assertThat(text(refused, "id=\"token-problem\">(.*?)</p>")).contains("no person 'nobody@acme.test'");
        assertThat(refused).doesNotContain("id=\"secret\"");
    }

    @Test
    void syncNowEndsWithAFinishedSyncThePageFollows() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        assertThat(text(priya.get("/admin/directory").body(), "<code id=\"connector\">(.*?)</code>")).isEqualTo("embedded");

        String finished = syncOnThePage(priya, "sync-now", Map.of());

        assertThat(text(finished, "id=\"sync-status\">(.*?)</strong>")).isEqualTo("SUCCEEDED");
        assertThat(finished).doesNotContain("hx-trigger");
        assertThat(priya.get("/admin/directory").body()).contains("<td>console</td>");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aSyncThatStoppedBeforeALargeRemovalWaitsForTheAdminsConfirmationOnThePage() throws Exception {
        int removed = 0;
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            for (String department : List.of("Sales", "Customer Support")) {
                for (var entry : ldap.search("ou=people," + BASE_DN, SearchScope.ONE, "(departmentNumber=" + department + ")", "1.1")
                        .getSearchEntries()) {
                    ldap.delete(entry.getDN());
                    removed++;
                }
            }
        }
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        syncOnThePage(priya, "sync-now", Map.of());

        String waiting = priya.get("/admin/directory").body();
        assertThat(text(waiting, "<section id=\"large-removal\" class=\"notice\">(.*?)</section>"))
                .contains("no longer lists " + removed).contains("Confirm and sync");
        assertThat(waiting).contains("WAITING FOR CONFIRMATION");
        assertThat(admin().get("/api/v1/people?status=DEPARTED").json().get("items")).isEmpty();

        String confirmed = syncOnThePage(priya, "confirm-removal", Map.of("confirmLargeRemoval", "true"));

        assertThat(text(confirmed, "id=\"sync-status\">(.*?)</strong>")).isEqualTo("SUCCEEDED");
        assertThat(priya.get("/admin/directory").body()).doesNotContain("id=\"large-removal\"");
        assertThat(admin().get("/api/v1/people?status=DEPARTED&limit=500").json().get("items").size()).isEqualTo(removed);
    }

    /** Presses a sync button on the directory page and follows the sync's progress fragment until it has finished. */
    private static String syncOnThePage(ConsoleBrowser session, String button, Map<String, String> fields) {
        String page = session.get("/admin/directory").body();
        assertThat(page).contains("id=\"" + button + "\"");
        String following = location(session.post("/admin/directory/sync", page, fields));
        assertThat(following).matches("/admin/directory\\?sync=[0-9a-f-]{36}");
        assertThat(session.get(following).body()).contains("id=\"sync-progress\"");
        String progress = "/admin/directory/syncs/" + following.substring(following.indexOf('=') + 1) + "/progress";
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> session.get(progress).body(), fragment -> fragment.contains("Sync <span>finished</span>"));
    }

    @Test
    void peopleAreFoundByNameAndAPersonsPageShowsManagerGroupsAndRequests() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String found = priya.get("/admin/people?q=taylor").body();
        String samPage = text(found, "<a href=\"(/admin/people/[0-9a-f-]{36})\">Sam Taylor</a>");
        assertThat(priya.get("/admin/people?department=Sales").body()).doesNotContain("Sam Taylor");

        String sam = priya.get(samPage).body();

        assertThat(text(sam, "<td id=\"manager\"><a[^>]*>(.*?)</a>")).isEqualTo("Maria Lopez");
        assertThat(text(sam, "<ul id=\"groups\" class=\"inline\">(.*?)</ul>")).contains("<li>");
        assertThat(text(sam, "<td id=\"person-status\">(.*?)</td>")).isEqualTo("ACTIVE");
        assertThat(priya.get("/admin/people/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void driftIntegrationsAndTheOverviewSayWhereThingsStand() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);

        String drift = priya.get("/admin/drift").body();
        assertThat(text(drift, "id=\"missing-count\">(\\d+)</span>")).isEqualTo("0");
        assertThat(drift).contains("Unexplained memberships");

        String integrations = priya.get("/admin/integrations").body();
        assertThat(text(integrations, "<p id=\"jira-status\">(.*?)</p>")).startsWith("Not configured");
        assertThat(text(integrations, "<p id=\"slack-status\">(.*?)</p>")).startsWith("Not configured");
        String doctor = priya.post("/admin/integrations/jira/doctor", integrations, Map.of()).body();
        assertThat(text(doctor, "<div id=\"jira-doctor\">(.*?)</div>")).contains("CLAVIS_JIRA_BASE_URL is not set");

        String overview = priya.get("/admin").body();
        for (String link : List.of("/admin/catalog", "/admin/people", "/admin/directory", "/admin/drift", "/admin/integrations",
                "/admin/tokens")) {
            assertThat(overview).contains("href=\"" + link + "\"");
        }
        assertThat(text(overview, "id=\"status-directory\">(.*?)</td>")).contains("embedded").contains("SUCCEEDED");
    }

    @Test
    void someoneWhoIsNoAdminIsRefusedEveryAdminPageAndAction() {
        ConsoleBrowser sam = ConsoleBrowser.signedInAs(port, "sam.taylor@acme.test");
        for (String path : List.of("/admin", "/admin/people", "/admin/directory", "/admin/drift", "/admin/integrations", "/admin/tokens")) {
            assertThat(sam.get(path).statusCode()).as(path).isEqualTo(403);
        }
        String portal = sam.get("/portal").body();
        assertThat(sam.post("/admin/tokens", portal, Map.of("person", "sam.taylor@acme.test", "scopes", "admin", "days", "30")).statusCode()).isEqualTo(403);
        assertThat(sam.post("/admin/catalog/apply", portal, Map.of("yaml", "apps: []", "basedOn", "1")).statusCode()).isEqualTo(403);
    }

    private static String preview(ConsoleBrowser session, String page, String yaml) {
        HttpResponse<String> response = session.post("/admin/catalog/preview", page,
                Map.of("yaml", yaml, "basedOn", String.valueOf(version(page))));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, String> applyFields(String preview) {
        String form = text(preview, "(<form method=\"post\" action=\"/admin/catalog/apply\" id=\"apply-form\">.*?</form>)");
        return Map.of("yaml", text(form, "<input type=\"hidden\" name=\"yaml\" value=\"(.*?)\">"),
                "basedOn", text(form, "name=\"basedOn\" value=\"(\\d+)\""));
    }

    private static long version(String page) {
        return Long.parseLong(text(page, "<span id=\"catalog-version\">(\\d+)</span>"));
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment + " is not in the text");
    }

}
