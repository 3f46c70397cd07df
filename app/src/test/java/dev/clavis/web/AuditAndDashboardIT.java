package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.clavis.it.RunningClavis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit and dashboard pages over HTTP, as the auditor sees them, after Sam's three requests: two
 * approved automatically by the policy (GitHub member, Figma viewer) and one approved by Maria, his
 * manager (GitHub admin for 6 h).
 */
class AuditAndDashboardIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final Pattern ENTRY_ROW = Pattern.compile("<tr><td>(\\d+)</td>");
    private static final Pattern SUBJECT = Pattern.compile("request:([0-9a-f-]{36})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String approvedRequest;
    private static String automaticRequest;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    @BeforeEach
    void samsRequestsAreGranted() {
        if (approvedRequest != null) {
            return;
        }
        ConsoleBrowser sam = ConsoleBrowser.signedInAs(port, "sam.taylor@acme.test");
        String member = request(sam, "github", "member", "permanent");
        String viewer = request(sam, "figma", "viewer", "permanent");
        String admin = request(sam, "github", "admin", "PT6H");
        ConsoleBrowser maria = ConsoleBrowser.signedInAs(port, "maria.lopez@acme.test");
        String page = maria.get("/requests/" + admin).body();
        assertThat(maria.post("/inbox/" + admin + "/decision", page, Map.of("decision", "approve", "comment", "release night"))
                .statusCode()).isEqualTo(302);
        for (String id : new String[] {member, viewer, admin}) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(sam.get("/requests/" + id).body()).contains("<strong id=\"status\">GRANTED</strong>"));
        }
        automaticRequest = member;
        approvedRequest = admin;
    }

    @Test
    void theDashboardCountsTwoAutomaticOfThreeGrantedRequests() {
        ConsoleBrowser daniel = ConsoleBrowser.signedInAs(port, "daniel.kim@acme.test");
        JsonNode data = JSON.readTree(daniel.get("/dashboard/data").body());

        assertThat(data.get("summary").get("granted").asLong()).isEqualTo(3);
        assertThat(data.get("summary").get("automationRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(data.get("summary").get("activeGrants").asLong()).isEqualTo(3);
        int today = data.get("days").size() - 1;
        assertThat(data.get("days").get(today).asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(data.get("requestsByOutcome").get("auto-approved").get(today).asLong()).isEqualTo(2);
        assertThat(data.get("requestsByOutcome").get("approved").get(today).asLong()).isEqualTo(1);
        assertThat(data.get("timeToAccessP95Seconds").get(today).isNumber()).isTrue();
        long expiring = 0;
        for (JsonNode grants : data.get("expiries").get("grants")) {
            expiring += grants.asLong();
        }
        assertThat(expiring).as("the 6-hour GitHub admin grant expires within the week").isEqualTo(1);

        String page = daniel.get("/dashboard").body();
        assertThat(page).contains("<dd id=\"automation-rate\">67 %</dd>").contains("<dd id=\"granted\">3</dd>")
                .contains("/web/dashboard.js");
    }

    @Test
    void filtersNarrowTheTrail() {
        ConsoleBrowser daniel = ConsoleBrowser.signedInAs(port, "daniel.kim@acme.test");
        int all = entries(daniel.get("/audit").body());

        String granted = daniel.get("/audit?type=request.granted").body();
        assertThat(entries(granted)).isEqualTo(3);
        assertThat(entries(daniel.get("/audit?type=request.").body())).isGreaterThan(3).isLessThan(all + 1);

        String decided = daniel.get("/audit?actor=maria.lopez%40acme.test").body();
        assertThat(entries(decided)).isEqualTo(1);
        assertThat(decided).contains("request.decided").contains("Maria Lopez");

        String aboutOne = daniel.get("/audit?subject=" + approvedRequest).body();
        assertThat(aboutOne).contains("request:" + approvedRequest).contains("request.submitted").contains("request.granted");
        assertThat(SUBJECT.matcher(aboutOne).results().map(m -> m.group(1))).containsOnly(approvedRequest);

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(entries(daniel.get("/audit?from=" + tomorrow).body())).isZero();
        assertThat(entries(daniel.get("/audit?to=" + tomorrow + "&type=request.granted").body())).isEqualTo(3);
    }

    @Test
    void aDateThatIsNotADateOrAPageThatIsNotAPageIsExplainedAndShowsNothing() {
        var answer = ConsoleBrowser.signedInAs(port, "daniel.kim@acme.test").get("/audit?from=last+tuesday");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("must be a date such as 2026-11-01, not &#39;last tuesday&#39;");
        assertThat(entries(answer.body())).isZero();

        var page = ConsoleBrowser.signedInAs(port, "daniel.kim@acme.test").get("/audit?before=yesterday");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("is not a page of the trail; start again from the newest entries.");
    }

    @Test
    void theEvidenceNamesWhoAskedWhyAndWhoApproved() {
        ConsoleBrowser daniel = ConsoleBrowser.signedInAs(port, "daniel.kim@acme.test");
        String page = daniel.get("/audit/requests/" + approvedRequest).body();

        assertThat(page).contains("Sam Taylor (sam.taylor@acme.test)</span> asked").contains("justified in the console")
                .contains("<strong>approve</strong> by\n<span>Maria Lopez (maria.lopez@acme.test)</span>")
                .contains("release night").contains("membership.added").contains("request.granted");

        var download = daniel.get("/audit/requests/" + approvedRequest + "/evidence.json");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        JsonNode evidence = JSON.readTree(download.body());
        assertThat(evidence.get("request").get("id").asString()).isEqualTo(approvedRequest);
        assertThat(evidence.get("chain").get("valid").asBoolean()).isTrue();
        assertThat(daniel.get("/audit/requests/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void theEvidenceOfARequestThePolicyGrantedSaysNoPersonDecided() {
        var page = ConsoleBrowser.signedInAs(port, "daniel.kim@acme.test").get("/audit/requests/" + automaticRequest);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Approved automatically by the policy, with no person deciding.")
                .contains("Approval: <span>automatic</span>").contains("request.approved");
    }

    @Test
    void verificationSaysIntactAndNamesTheFirstAlteredEntry() {
        ConsoleBrowser daniel = ConsoleBrowser.signedInAs(port, "daniel.kim@acme.test");
        long entries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        assertThat(daniel.get("/audit/verify").body()).contains("Intact, <span>" + entries + "</span> entries.");

        long target = jdbc.queryForObject("select min(sequence) from audit_entry where type = 'request.decided'", Long.class);
        String original = jdbc.queryForObject("select data from audit_entry where sequence = ?", String.class, target);
        jdbc.update("update audit_entry set data = ? where sequence = ?", original.replace("release night", "no comment"), target);
        try {
            String page = daniel.get("/audit/verify").body();
            assertThat(page).doesNotContain("Intact").contains("Broken at entry")
                    .contains(">" + target + "</a>").contains("entry " + target + " was altered after it was written");
        } finally {
            jdbc.update("update audit_entry set data = ? where sequence = ?", original, target);
        }
    }

    @Test
    void onlyAuditorsAndAdminsSeeTheAuditAndTheDashboard() {
        ConsoleBrowser sam = ConsoleBrowser.signedInAs(port, "sam.taylor@acme.test");
        assertThat(sam.get("/audit").statusCode()).isEqualTo(403);
        assertThat(sam.get("/dashboard/data").statusCode()).isEqualTo(403);
        assertThat(ConsoleBrowser.signedInAs(port, "priya.shah@acme.test").get("/dashboard").statusCode()).isEqualTo(200);
    }

    private static String request(ConsoleBrowser browser, String app, String role, String duration) {
        String page = browser.get("/portal/apps/" + app).body();
        var submitted = browser.post("/requests", page, Map.of("app", app, "role", role, "duration", duration,
                "justification", "justified in the console"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        return submitted.headers().firstValue("Location").orElseThrow().replaceFirst("^.*/requests/", "");
    }

    private static int entries(String page) {
        return (int) ENTRY_ROW.matcher(page).results().count();
    }
}
