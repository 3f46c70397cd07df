package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.it.RunningClavis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auditor's pages in Debian's Chromium, after requests were granted so the charts have data: the
 * dashboard's charts are drawn (under the console's CSP, from a static script), the chain verifies, and
 * a request's evidence names its approver. Screenshots go to {@code target/screenshots}.
 */
class AuditAndDashboardBrowserIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();

    private ChromeDriver browser;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start();
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAuditorSeesTheChartsAnIntactChainAndWhoApproved() {
        String approved = grantThreeRequestsOneByMaria();

        Chromium.signInAs(browser, url(""), "daniel.kim@acme.test");
        browser.get(url("/dashboard"));
        Chromium.waitUpTo(browser, Duration.ofSeconds(15))
                .until(driver -> "drawn".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-charts")));
        assertThat(browser.findElement(By.id("automation-rate")).getText()).isEqualTo("67 %");
        assertThat(browser.findElements(By.cssSelector("#chart-outcomes canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("per-day")).getText()).contains("auto-approved");
        Chromium.screenshot(browser, "dashboard");

        browser.get(url("/audit"));
        assertThat(browser.findElement(By.id("trail")).getText()).contains("request.granted").contains("Maria Lopez");
        Chromium.screenshot(browser, "audit");

        browser.findElement(By.id("verify-link")).click();
        assertThat(browser.findElement(By.id("verdict")).getText()).matches("Intact, \\d+ entries\\.");
        Chromium.screenshot(browser, "audit-verify");

        browser.get(url("/audit?subject=" + approved));
        browser.findElement(By.cssSelector("#trail a[title='request:" + approved + "']")).click();
        assertThat(browser.findElement(By.id("decisions")).getText()).contains("approve by Maria Lopez (maria.lopez@acme.test)");
        assertThat(browser.findElement(By.id("directory")).getText()).contains("PRESENT");
        Chromium.screenshot(browser, "audit-evidence");
    }

    /** Sam asks for two roles his policy grants at once and one his manager must approve; Maria approves it. */
    private String grantThreeRequestsOneByMaria() {
        ConsoleBrowser sam = ConsoleBrowser.signedInAs(port, "sam.taylor@acme.test");
        String member = submit(sam, "github", "member", "permanent");
        String viewer = submit(sam, "figma", "viewer", "permanent");
        String admin = submit(sam, "github", "admin", "PT6H");
        ConsoleBrowser maria = ConsoleBrowser.signedInAs(port, "maria.lopez@acme.test");
        String page = maria.get("/requests/" + admin).body();
        assertThat(maria.post("/inbox/" + admin + "/decision", page, Map.of("decision", "approve", "comment", "for the release"))
                .statusCode()).isEqualTo(302);
        Chromium.waitUpTo(browser, Duration.ofSeconds(30)).until(driver -> java.util.stream.Stream.of(member, viewer, admin)
                .allMatch(id -> sam.get("/requests/" + id).body().contains("<strong id=\"status\">GRANTED</strong>")));
        return admin;
    }

    private static String submit(ConsoleBrowser browser, String app, String role, String duration) {
        String page = browser.get("/portal/apps/" + app).body();
        var submitted = browser.post("/requests", page, Map.of("app", app, "role", role, "duration", duration,
                "justification", "needed for the release"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        return submitted.headers().firstValue("Location").orElseThrow().replaceFirst("^.*/requests/", "");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
