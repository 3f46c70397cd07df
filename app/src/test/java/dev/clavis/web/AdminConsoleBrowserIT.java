package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.it.RunningClavis;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An admin changes the catalog in Chromium: edits the YAML, sees the diff first, applies it, and the portal shows it. */
class AdminConsoleBrowserIT extends RunningClavis {

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
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminSeesTheDiffBeforeApplyingACatalogChangeAndThePortalShowsIt() {
        Chromium.signInAs(browser, url(""), "priya.shah@acme.test");
        browser.get(url("/admin"));
        Chromium.screenshot(browser, "admin");
        browser.findElement(By.cssSelector("main a[href='/admin/catalog']")).click();
        String version = browser.findElement(By.id("catalog-version")).getText();
        WebElement editor = browser.findElement(By.id("yaml"));
        String yaml = editor.getDomProperty("value");
        editor.clear();
        editor.sendKeys(yaml.replace("name: Figma", "name: Figma Design"));

        browser.findElement(By.id("preview-button")).click();
        waitFor(By.id("preview"));
        assertThat(browser.findElement(By.cssSelector("tr.diff-removed pre")).getText()).isEqualTo("    name: Figma");
        assertThat(browser.findElement(By.cssSelector("tr.diff-added pre")).getText()).isEqualTo("    name: Figma Design");
        assertThat(browser.findElement(By.id("changes")).getText()).contains("changed app figma: name");
        assertThat(browser.findElement(By.id("catalog-version")).getText()).isEqualTo(version);
        Chromium.screenshot(browser, "admin-catalog-preview");

        browser.findElement(By.id("apply")).click();
        waitFor(By.id("applied"));
        assertThat(browser.findElement(By.id("catalog-version")).getText()).isEqualTo(String.valueOf(Long.parseLong(version) + 1));
        Chromium.screenshot(browser, "admin-catalog-applied");

        browser.get(url("/portal?q=figma"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Figma Design");

        visitTheOtherAdminPages();
    }

    /** The rest of the admin console, for the screenshots in docs/web.md; each page must at least render. */
    private void visitTheOtherAdminPages() {
        browser.get(url("/admin/people?q=taylor"));
        Chromium.screenshot(browser, "admin-people");
        browser.findElement(By.linkText("Sam Taylor")).click();
        waitFor(By.id("attributes"));
        Chromium.screenshot(browser, "admin-person");
        browser.get(url("/admin/directory"));
        browser.findElement(By.id("sync-now")).click();
        Chromium.waitUpTo(browser, Duration.ofSeconds(60))
                .until(driver -> driver.findElement(By.id("sync-progress")).getText().contains("Sync finished"));
        assertThat(browser.findElement(By.id("sync-status")).getText()).isEqualTo("SUCCEEDED");
        Chromium.screenshot(browser, "admin-directory");
        browser.get(url("/admin/drift"));
        Chromium.screenshot(browser, "admin-drift");
        browser.get(url("/admin/integrations"));
        browser.findElement(By.id("run-jira-doctor")).click();
        waitFor(By.id("jira-doctor"));
        Chromium.screenshot(browser, "admin-integrations");
        browser.get(url("/admin/tokens"));
        Chromium.screenshot(browser, "admin-tokens");
    }

    private void waitFor(By element) {
        Chromium.waitUpTo(browser, Duration.ofSeconds(10)).until(driver -> !driver.findElements(element).isEmpty());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
