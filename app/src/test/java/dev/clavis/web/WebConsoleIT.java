package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clavis.it.RunningClavis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console over HTTP as a browser speaks it (session cookie, CSRF token from each page), against
 * Clavis on the demo organisation.
 */
class WebConsoleIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    @Test
    void theFormShowsWhoWouldApproveAndTheManagersApprovalInTheInboxGrantsIt() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        String app = sam.get("/portal/apps/github").body();
        assertThat(between(app, "id=\"path-admin\"", "</aside>"))
                .as("an engineer's hour of GitHub admin meets the role's autoApprove condition")
                .contains("Approved automatically").contains("for <span>1 hour</span>");
        String sixHours = sam.get("/portal/apps/github/roles/admin/path?duration=PT6H").body();
        assertThat(sixHours).contains("2 approvals, in order").contains("your manager").contains("Maria Lopez")
                .contains("the app owners").contains("approves an earlier stage too");
        var submitted = sam.post("/requests", app, Map.of("app", "github", "role", "admin", "duration", "PT6H",
                "justification", "release night"));
        String id = requestId(submitted);
        String requestPath = "/requests/" + id;
        assertThat(sam.get(requestPath).body()).contains("PENDING_APPROVAL");

        ConsoleBrowser maria = signIn("maria.lopez@acme.test");
        String inbox = maria.get("/inbox").body();
        assertThat(inbox).as("the request is in Maria's inbox").contains("href=\"/requests/" + id + "\"");
        String page = maria.get(requestPath).body();
        assertThat(maria.post("/inbox/" + id + "/decision", page, Map.of("decision", "approve", "comment", "ok"))
                .statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sam.get(requestPath).body()).contains("GRANTED"));
        String grant = between(sam.get("/access").body(), "GitHub / admin", "</tr>");
        assertThat(grant).contains("ACTIVE").contains("class=\"countdown\"").doesNotContain("permanent");
    }

    @Test
    void anotherPersonsRequestIsNotFound() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        String app = sam.get("/portal/apps/hubspot").body();
        var submitted = sam.post("/requests", app, Map.of("app", "hubspot", "role", "user", "duration", "permanent", "justification", "sales demo"));
        String requestPath = submitted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");

        ConsoleBrowser daniel = signIn("daniel.kim@acme.test");
        assertThat(daniel.get(requestPath).statusCode()).isEqualTo(404);
    }

    @Test
    void aNonAdminIsRefusedTheAdminPages() {
        assertThat(signIn("sam.taylor@acme.test").get("/admin/catalog").statusCode()).isEqualTo(403);
        assertThat(signIn("priya.shah@acme.test").get("/admin/catalog").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        var forged = sam.send(HttpRequest.newBuilder(sam.uri("/requests"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("app=pagerduty&role=admin&duration=P7D&justification=forged")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(requestsOf("sam.taylor@acme.test", "pagerduty", "admin")).isEmpty();
    }

    @Test
    void everyStylesheetAndScriptAPageNamesIsServedFromTheJar() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        Matcher assets = Pattern.compile("(?:href|src)=\"(/web(?:jars)?/[^\"]+)\"").matcher(sam.get("/portal").body());
        List<String> found = new ArrayList<>();
        while (assets.find()) {
            found.add(assets.group(1));
        }

        assertThat(found).contains("/web/console.css").anyMatch(path -> path.startsWith("/webjars/htmx.org/"));
        assertThat(found).allSatisfy(path -> assertThat(sam.get(path).statusCode()).as(path).isEqualTo(200));
    }

    @Test
    void pagesNeedSignInAndTheApiStillNeedsItsToken() {
        var anonymous = new ConsoleBrowser(port);
        var page = anonymous.get("/portal");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
        assertThat(anonymous().get("/api/v1/people").status()).isEqualTo(401);
        assertThat(admin().get("/api/v1/catalog").status()).isEqualTo(200);
    }

    @Test
    void aRefusedRequestShowsTheDomainsMessageOnTheFormAndChangesNothing() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        String app = sam.get("/portal/apps/aws").body();
        var noReason = sam.post("/requests", app, Map.of("app", "aws", "role", "developer", "duration", "P30D", "justification", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(between(noReason.body(), "id=\"refusal-developer\"", "</p>")).contains("justification is required for high roles");
        var tooShort = sam.post("/requests", app, Map.of("app", "aws", "role", "developer", "duration", "PT1H", "justification", "deploys"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("&#39;PT1H&#39; is not allowed for aws/developer");
        assertThat(requestsOf("sam.taylor@acme.test", "aws", "developer")).isEmpty();

        var first = sam.post("/requests", app, Map.of("app", "aws", "role", "developer", "duration", "P30D", "justification", "deploys"));
        assertThat(first.statusCode()).isEqualTo(302);
        String firstId = requestId(first);
        var second = sam.post("/requests", app, Map.of("app", "aws", "role", "developer", "duration", "P90D", "justification", "again"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(between(second.body(), "id=\"refusal-developer\"", "</p>")).contains("already has an open request").contains(firstId);
        assertThat(requestsOf("sam.taylor@acme.test", "aws", "developer")).hasSize(1);
    }

    @Test
    void theRequesterMayCancelAPendingRequestButNotApproveIt() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        String app = sam.get("/portal/apps/salesforce").body();
        String id = requestId(sam.post("/requests", app, Map.of("app", "salesforce", "role", "admin", "duration", "PT8H",
                "justification", "quarter close")));
        String page = sam.get("/requests/" + id).body();
        assertThat(page).contains("id=\"cancel\"");

        var ownApproval = sam.post("/inbox/" + id + "/decision", page, Map.of("decision", "approve"));
        assertThat(ownApproval.statusCode()).isEqualTo(403);
        assertThat(between(ownApproval.body(), "id=\"refusal\"", "</p>")).contains("Nobody approves their own request");
        assertThat(status(id)).isEqualTo("PENDING_APPROVAL");

        assertThat(sam.post("/requests/" + id + "/cancel", page, Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(sam.get("/requests/" + id).body()).contains("CANCELLED").doesNotContain("id=\"cancel\"");
    }

    @Test
    void theInboxGivesTheApproverContextAndBulkApprovesOnlyLowRiskRequests() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        String docusign = requestId(sam.post("/requests", sam.get("/portal/apps/docusign").body(),
                Map.of("app", "docusign", "role", "sender", "duration", "permanent", "justification", "contracts")));
        String zendesk = requestId(sam.post("/requests", sam.get("/portal/apps/zendesk").body(),
                Map.of("app", "zendesk", "role", "agent", "duration", "permanent", "justification", "")));
        String salesforce = requestId(sam.post("/requests", sam.get("/portal/apps/salesforce").body(),
                Map.of("app", "salesforce", "role", "user", "duration", "P90D", "justification", "pipeline review")));

        ConsoleBrowser maria = signIn("maria.lopez@acme.test");
        String inbox = maria.get("/inbox").body();
        String item = between(inbox, "id=\"item-" + salesforce + "\"", "</article>");
        assertThat(item).contains("Sam Taylor").contains("Software Engineer").contains("Engineering")
                .contains("Maria Lopez").contains("medium").contains("pipeline review").contains("stage 1 of 1: manager");
        assertThat(inbox).contains("id=\"tick-" + docusign + "\"").contains("id=\"tick-" + zendesk + "\"")
                .doesNotContain("id=\"tick-" + salesforce + "\"");

        var bulk = maria.post("/inbox/approve-low-risk", inbox, Map.of("ids", List.of(docusign, zendesk, salesforce),
                "comment", "standard tools"));
        assertThat(bulk.statusCode()).isEqualTo(200);
        assertThat(between(bulk.body(), "id=\"bulk-outcomes\"", "</section>"))
                .contains("DocuSign / sender").contains("Approved; it is now")
                .contains("only low-risk requests are approved in bulk");
        assertThat(status(docusign)).isNotEqualTo("PENDING_APPROVAL");
        assertThat(status(zendesk)).isNotEqualTo("PENDING_APPROVAL");
        assertThat(status(salesforce)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void anEmployeeAsksForMoreTimeOnAGrantAndGivesItBack() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        String id = requestId(sam.post("/requests", sam.get("/portal/apps/datadog").body(),
                Map.of("app", "datadog", "role", "user", "duration", "P90D", "justification", "")));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("GRANTED"));
        JsonNode grant = grantOf("sam.taylor@acme.test", "datadog");
        String grantId = grant.get("id").asString();
        Instant expiry = Instant.parse(grant.get("expiresAt").asString());
        String access = sam.get("/access").body();
        assertThat(between(access, "id=\"grant-" + grantId + "\"", "</tr>")).contains("Datadog / user")
                .contains("class=\"countdown\"").contains("in 89 d 23 h");

        var extended = sam.post("/access/" + grantId + "/extend", access, Map.of("duration", "P90D", "justification", ""));
        assertThat(extended.statusCode()).isEqualTo(302);
        String extension = sam.get(extended.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(extension).contains("Extends").contains(grantId).contains("GRANTED");
        assertThat(Instant.parse(grantOf("sam.taylor@acme.test", "datadog").get("expiresAt").asString())).isAfter(expiry);

        String confirm = sam.get("/access/" + grantId + "/give-back").body();
        assertThat(confirm).contains("Give back <span>Datadog / user</span>?");
        assertThat(sam.post("/access/" + grantId + "/give-back", confirm, Map.of()).statusCode()).isEqualTo(302);
        assertThat(admin().get("/api/v1/grants/" + grantId).json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(sam.get("/access").body()).doesNotContain("grant-" + grantId);
    }

    @Test
    void theOwnersOwnRequestPreviewsTheFallbackToTheAdmins() {
        ConsoleBrowser maria = signIn("maria.lopez@acme.test");
        String path = maria.get("/portal/apps/github/roles/admin/path?duration=PT24H").body();
        assertThat(path).as("Maria owns GitHub, and nobody approves their own request")
                .contains("falls to the admins").contains("Priya Shah").contains("Tom Nguyen");
    }

    @Test
    void theCatalogSearchFindsAppsByTheirRoles() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        String found = sam.get("/portal?q=responder").body();
        assertThat(found).contains("PagerDuty").doesNotContain("GitHub");
    }

    private String status(String requestId) {
        return admin().get("/api/v1/requests/" + requestId).json().get("status").asString();
    }

    /** The requests for this person and role, as the API lists them to an admin. */
    private List<JsonNode> requestsOf(String email, String app, String role) {
        var found = new ArrayList<JsonNode>();
        admin().get("/api/v1/requests?limit=500").json().get("items").forEach(item -> {
            if (item.get("beneficiary").get("email").asString().equals(email) && item.get("app").asString().equals(app)
                    && item.get("role").asString().equals(role)) {
                found.add(item);
            }
        });
        return found;
    }

    private JsonNode grantOf(String email, String app) {
        JsonNode items = admin().get("/api/v1/grants?person=" + email + "&app=" + app + "&status=ACTIVE").json().get("items");
        assertThat(items.size()).as("one active grant of " + app).isEqualTo(1);
        return items.get(0);
    }

    private static String requestId(HttpResponse<String> submitted) {
        assertThat(submitted.statusCode()).as("the request was made: " + submitted.body()).isEqualTo(302);
        return submitted.headers().firstValue("Location").orElseThrow().replaceFirst(".*/requests/", "");
    }

    /** The page's text from {@code start} to the next {@code end}: one item's part of the page. */
    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as("the page has " + start).isNotNegative();
        int to = page.indexOf(end, from);
        return page.substring(from, to < 0 ? page.length() : to);
    }

    private ConsoleBrowser signIn(String email) {
        return ConsoleBrowser.signedInAs(port, email);
    }

    /** An HTTP client that keeps cookies and does not follow redirects, as a test wants to see them. */
}
