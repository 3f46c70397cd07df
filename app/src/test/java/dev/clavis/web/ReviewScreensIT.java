package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import dev.clavis.it.RunningClavis;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The access-review screens against Clavis on the demo organisation and its embedded directory: over
 * HTTP as a browser speaks it, and once whole in Chromium. Maria Lopez reviews; Priya Shah runs the
 * campaigns. Each group below has Maria and four people of its own, so revoking one of them stays under
 * the mass-removal guard; the browser journey has its own group, since it removes someone from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewScreensIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static final String GROUPS = "ou=groups," + BASE_DN;
    private static final String MARIA = "maria.lopez@acme.test";
    private static final String PRIYA = "priya.shah@acme.test";
    private static final String SAM = "sam.taylor@acme.test";
    /** The group the HTTP facts review, never changed by them; and the one the browser journey removes someone from. */
    private static final String HTTP_GROUP = "web-rev-http";
    private static final String BROWSER_GROUP = "web-rev-browser";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    @BeforeAll
    void lab() throws Exception {
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            for (int i = 1; i <= 4; i++) {
                String uid = "web.rev" + i;
                ldap.add(dn(uid), new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                        new Attribute("uid", uid), new Attribute("cn", "Web Reviewed " + i), new Attribute("sn", "Reviewed"),
                        new Attribute("mail", uid + "@acme.test"), new Attribute("departmentNumber", "Engineering"),
                        new Attribute("title", "Engineer"), new Attribute("employeeType", "employee"),
                        new Attribute("manager", dn("maria.lopez")));
            }
            for (String group : List.of(HTTP_GROUP, BROWSER_GROUP)) {
                ldap.add("cn=" + group + "," + GROUPS, new Attribute("objectClass", "top", "groupOfNames"), new Attribute("cn", group),
                        new Attribute("member", dn("maria.lopez"), dn("web.rev1"), dn("web.rev2"), dn("web.rev3"), dn("web.rev4")));
            }
        }
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        String catalog = admin().get("/api/v1/catalog").body() + app("webrevhttp", HTTP_GROUP) + app("webrevbrowser", BROWSER_GROUP);
        var applied = admin().put("/api/v1/catalog?dryRun=false", catalog, "application/yaml");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    }

    @Test
    void aReviewerSeesHerItemsWithTheirSignalsRevokesOneInPlaceAndKeepsTheRestInBulk() {
        String campaign = startedInTheConsole("Signals and bulk", HTTP_GROUP);
        ConsoleBrowser maria = ConsoleBrowser.signedInAs(port, MARIA);

        String page = maria.get("/reviews").body();

        assertThat(page).contains("Signals and bulk").contains("Decided <strong id=\"progress-" + campaign + "\">0 of 4</strong>")
                .contains("web.rev1@acme.test").contains("Last sign-in: <time>never</time>").contains("never signed in")
                .contains("Came by: <span>unmanaged</span>").doesNotContain(">Maria Lopez</a>");
        assertThat(maria.get("/reviews/" + campaign + "?suggestion=keep").body()).contains("Nothing here with this filter.")
                .doesNotContain("web.rev1@acme.test");
        assertThat(maria.get("/reviews/" + campaign + "?suggestion=revoke").body()).contains("web.rev1@acme.test");
        long first = itemOf(campaign, "web.rev1").get("id").asLong();
        var row = htmxPost(maria, "/reviews/" + campaign + "/items/" + first + "/decision", page,
                "decision=revoke&comment=moved+teams");
        assertThat(row.statusCode()).isEqualTo(200);
        assertThat(row.body()).startsWith("<tr").contains("id=\"item-" + first + "\"").contains(">REVOKE</strong>")
                .contains("moved teams").doesNotContain("<html");

        List<Long> rest = List.of("web.rev2", "web.rev3", "web.rev4").stream().map(uid -> itemOf(campaign, uid).get("id").asLong()).toList();
        var bulk = maria.post("/reviews/" + campaign + "/decisions", page,
                Map.of("items", rest, "decision", "keep", "comment", "still on the team"));
        String after = maria.get(location(bulk)).body();

        assertThat(after).contains("3 item(s) decided: keep.").contains("4 of 4");
        assertThat(maria.get("/reviews/" + campaign + "?show=undecided").body()).contains("Nothing here with this filter.");
        assertThat(itemOf(campaign, "web.rev1").get("decision").get("decision").asString()).isEqualTo("REVOKE");
        assertThat(itemOf(campaign, "web.rev1").get("decision").get("comment").asString()).isEqualTo("moved teams");
        assertThat(itemOf(campaign, "web.rev4").get("decision").get("decision").asString()).isEqualTo("KEEP");
        String monitor = ConsoleBrowser.signedInAs(port, PRIYA).get("/admin/reviews/" + campaign).body();
        assertThat(monitor).contains("Maria Lopez").contains("4 of 4").contains("1 revoked");
    }

    @Test
    void nobodyDecidesTheirOwnAccessNorOpensAnotherReviewersItem() {
        String campaign = startedInTheConsole("Own access", HTTP_GROUP);
        JsonNode own = itemOf(campaign, "maria.lopez");
        assertThat(own.get("reviewer").get("email").asString()).isEqualTo(PRIYA);
        long others = itemOf(campaign, "web.rev2").get("id").asLong();
        ConsoleBrowser maria = ConsoleBrowser.signedInAs(port, MARIA);
        String page = maria.get("/reviews/" + campaign).body();

        var ownDecision = maria.post("/reviews/" + campaign + "/items/" + own.get("id").asLong() + "/decision", page,
                Map.of("decision", "keep", "comment", "mine, obviously"));
        var ownItem = maria.get("/reviews/" + campaign + "/items/" + own.get("id").asLong());
        ConsoleBrowser sam = ConsoleBrowser.signedInAs(port, SAM);
        var samOpens = sam.get("/reviews/" + campaign + "/items/" + others);
        var samDecides = sam.post("/reviews/" + campaign + "/items/" + others + "/decision", sam.get("/reviews").body(),
                Map.of("decision", "revoke", "comment", "not mine to say"));

        assertThat(ownDecision.statusCode()).isEqualTo(403);
        assertThat(ownDecision.body()).contains("Nobody reviews their own access");
        assertThat(ownItem.statusCode()).isEqualTo(403);
        assertThat(ownItem.body()).contains("is not yours to review").doesNotContain("mine, obviously");
        assertThat(samOpens.statusCode()).isEqualTo(403);
        assertThat(samOpens.body()).contains("is not yours to review").doesNotContain("web.rev2@acme.test");
        assertThat(samDecides.statusCode()).isEqualTo(403);
        assertThat(itemOf(campaign, "maria.lopez").get("decision").isNull()).isTrue();
        assertThat(itemOf(campaign, "web.rev2").get("decision").isNull()).isTrue();
    }

    @Test
    void anAdminReassignsAnItemAndItMovesToTheNewReviewersPage() {
        String campaign = startedInTheConsole("Reassign", HTTP_GROUP);
        long item = itemOf(campaign, "web.rev3").get("id").asLong();
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String page = priya.get("/admin/reviews/" + campaign).body();
        String reassign = "/admin/reviews/" + campaign + "/items/" + item + "/reassign";

        String refused = priya.get(location(priya.post(reassign, page,
                Map.of("to", "web.rev3@acme.test", "reason", "let them say")))).body();
        assertThat(refused).contains("nobody reviews their own access");
        assertThat(itemOf(campaign, "web.rev3").get("reviewer").get("email").asString()).isEqualTo(MARIA);

        String moved = priya.get(location(priya.post(reassign, page,
                Map.of("to", SAM, "reason", "Maria is on leave")))).body();

        assertThat(moved).contains("Item " + item + " reassigned to " + SAM);
        assertThat(itemOf(campaign, "web.rev3").get("reviewer").get("email").asString()).isEqualTo(SAM);
        assertThat(ConsoleBrowser.signedInAs(port, SAM).get("/reviews/" + campaign).body()).contains("web.rev3@acme.test")
                .contains("0 of 1");
        assertThat(ConsoleBrowser.signedInAs(port, MARIA).get("/reviews/" + campaign).body()).doesNotContain("web.rev3@acme.test")
                .contains("0 of 3");
    }

    @Test
    void aCampaignWithBadFieldsIsShownOnTheFormAndNothingIsCreated() {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        long before = campaignCount();
        String form = priya.get("/admin/reviews/new").body();

        var refused = priya.post("/admin/reviews", form, Map.of("name", "Broken", "apps", "no-such-app", "groups", "",
                "reviewerRule", "user", "reviewerEmail", "nobody@acme.test", "deadline", "2001-01-01T10:00",
                "onNoDecision", "keep", "start", "true"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("the catalog has no app &#39;no-such-app&#39;")
                .contains("no active person nobody@acme.test in the directory").contains("must be in the future")
                .contains("value=\"Broken\"");
        assertThat(campaignCount()).isEqualTo(before);
    }

    @Test
    void theEvidenceDownloadedInTheConsoleIsTheApis() {
        String campaign = startedInTheConsole("Evidence", HTTP_GROUP);
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String page = priya.get("/admin/reviews/" + campaign).body();
        assertThat(location(priya.post("/admin/reviews/" + campaign + "/close", page, Map.of())))
                .isEqualTo("/admin/reviews/" + campaign);

        var csv = priya.get("/admin/reviews/" + campaign + "/evidence.csv");
        var json = priya.get("/admin/reviews/" + campaign + "/evidence.json");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(withoutMoment(csv.body()))
                .isEqualTo(withoutMoment(admin().get("/api/v1/reviews/" + campaign + "/evidence?format=csv").body()));
        assertThat(csv.body()).contains("# status: CLOSED").contains("web.rev3@acme.test").contains("campaign rule");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"status\":\"CLOSED\"").contains("\"items\":[");
    }

    @Test
    void onlyAdminsRunCampaigns() {
        ConsoleBrowser maria = ConsoleBrowser.signedInAs(port, MARIA);
        assertThat(maria.get("/admin/reviews").statusCode()).isEqualTo(403);
        assertThat(maria.get("/admin/reviews/new").statusCode()).isEqualTo(403);
        assertThat(ConsoleBrowser.signedInAs(port, PRIYA).get("/admin/reviews").statusCode()).isEqualTo(200);
    }

    @Test
    void inChromiumAReviewerRevokesAnItemAndClosingRemovesThePersonFromTheGroup() throws Exception {
        ChromeDriver browser = Chromium.start();
        try {
            Chromium.signInAs(browser, "http://127.0.0.1:" + port, PRIYA);
            open(browser, "/admin/reviews");
            browser.findElement(By.id("new-campaign")).click();
            browser.findElement(By.id("name")).sendKeys("Browser review");
            browser.findElement(By.id("groups")).sendKeys(BROWSER_GROUP);
            new Select(browser.findElement(By.id("reviewerRule"))).selectByValue("user");
            browser.findElement(By.id("reviewerEmail")).sendKeys(MARIA);
            browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("deadline")), tomorrow());
            browser.findElement(By.id("create")).click();
            until(browser, d -> d.getCurrentUrl().matches(".*/admin/reviews/[0-9a-f-]{36}$"));
            String campaignPage = browser.getCurrentUrl();
            String campaign = campaignPage.substring(campaignPage.lastIndexOf('/') + 1);
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("ACTIVE");
            Chromium.screenshot(browser, "review-campaign");

            Chromium.signInAs(browser, "http://127.0.0.1:" + port, MARIA);
            open(browser, "/reviews");
            long item = itemOf(campaign, "web.rev1").get("id").asLong();
            WebElement row = browser.findElement(By.id("item-" + item));
            assertThat(row.getText()).contains("Web Reviewed 1").contains("never signed in");
            row.findElement(By.id("comment-" + item)).sendKeys("left the project");
            Chromium.screenshot(browser, "reviews");
            row.findElement(By.id("revoke-" + item)).click();
            until(browser, d -> !d.findElements(By.id("decision-" + item)).isEmpty());
            assertThat(browser.findElement(By.id("decision-" + item)).getText()).isEqualTo("REVOKE");
            assertThat(browser.findElement(By.id("item-" + item)).getText()).contains("left the project");
            Chromium.screenshot(browser, "reviews-revoked");
            open(browser, "/reviews/" + campaign + "/items/" + itemOf(campaign, "maria.lopez").get("id").asLong());
            assertThat(browser.findElement(By.id("refusal")).getText()).contains("is not yours to review");

            Chromium.signInAs(browser, "http://127.0.0.1:" + port, PRIYA);
            open(browser, "/admin/reviews/" + campaign);
            browser.findElement(By.id("close")).click();
            until(browser, d -> d.findElement(By.id("status")).getText().equals("CLOSED"));
            Chromium.screenshot(browser, "review-campaign-closed");
        } finally {
            browser.quit();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !members(BROWSER_GROUP).contains(dn("web.rev1")));
        assertThat(members(BROWSER_GROUP)).contains(dn("web.rev2"), dn("maria.lopez"));
    }

    /** Posts a form as htmx does: with its {@code HX-Request} header, and the CSRF token of the page it was on. */
    private static HttpResponse<String> htmxPost(ConsoleBrowser browser, String path, String fromPage, String fields) {
        Matcher csrf = CSRF.matcher(fromPage);
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        return browser.send(HttpRequest.newBuilder(browser.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
    }

    /** Where a redirect points, as a path. */
    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private void open(ChromeDriver browser, String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private static void until(ChromeDriver browser, Function<WebDriver, Boolean> condition) {
        Chromium.waitUpTo(browser, Duration.ofSeconds(15)).until(condition::apply);
    }

    /** Priya creates and starts a campaign over the group, with Maria as its one reviewer, in the console. */
    private String startedInTheConsole(String name, String group) {
        ConsoleBrowser priya = ConsoleBrowser.signedInAs(port, PRIYA);
        String form = priya.get("/admin/reviews/new").body();
        var created = priya.post("/admin/reviews", form, Map.of("name", name, "groups", group, "reviewerRule", "user",
                "reviewerEmail", MARIA, "deadline", tomorrow(), "onNoDecision", "keep", "start", "true"));
        String path = location(created);
        HttpResponse<String> page = priya.get(path);
        assertThat(page.body()).contains("<strong id=\"status\">ACTIVE</strong>");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private JsonNode itemOf(String campaign, String uid) {
        var answer = admin().get("/api/v1/reviews/" + campaign + "/items?reviewer=all&limit=500");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(answer.json().get("items").spliterator(), false)
                .filter(i -> i.get("person").get("email").asString().equals(uid + "@acme.test")).findFirst()
                .orElseThrow(() -> new AssertionError("no item of " + uid + " in " + answer.body()));
    }

    private long campaignCount() {
        return admin().get("/api/v1/reviews?limit=500").json().get("items").size();
    }

    /** The lines that differ between two downloads of the same evidence: when, and how long the audit chain was. */
    private static String withoutMoment(String csv) {
        return csv.lines().filter(l -> !l.startsWith("# generatedAt:") && !l.startsWith("# auditChainEntries:"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private List<String> members(String group) throws Exception {
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            var found = ldap.search(GROUPS, SearchScope.ONE, "(cn=" + group + ")", "member").getSearchEntries();
            assertThat(found).hasSize(1);
            String[] values = found.get(0).getAttributeValues("member");
            return values == null ? List.of() : List.of(values).stream().map(String::toLowerCase).toList();
        }
    }

    private static String tomorrow() {
        return LocalDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String dn(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    private static String app(String id, String group) {
        return """
                  - id: %s
                    name: %s
                    owners: [priya.shah@acme.test]
                    roles:
                      - id: member
                        groups: [%s]
                        risk: low
                        durations: [permanent]
                        approval: auto
                """.formatted(id, id, group);
    }
}
