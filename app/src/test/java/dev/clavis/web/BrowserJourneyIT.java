package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.it.RunningClavis;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Request, approve and see access granted, in Debian's Chromium driven by Selenium. */
class BrowserJourneyIT extends RunningClavis {

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
    void theFormShowsWhoApprovesTheManagerApprovesInlineAndTheEmployeeSeesTheExpiryCountDown() {
        Chromium.signInAs(browser, url(""), "sam.taylor@acme.test");
        Chromium.screenshot(browser, "portal");
        browser.findElement(By.linkText("GitHub")).click();
        assertThat(browser.findElement(By.id("path-admin")).getText()).contains("Approved automatically");
        new Select(browser.findElement(By.id("duration-admin"))).selectByValue("PT6H");
        Chromium.waitUpTo(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.id("path-admin")).getText().contains("Maria Lopez"));
        assertThat(browser.findElement(By.id("path-admin")).getText()).contains("your manager").contains("6 hours");
        browser.findElement(By.id("justification-admin")).sendKeys("release night");
        Chromium.screenshot(browser, "app");
        browser.findElement(By.id("request-admin")).click();
        Chromium.waitUpTo(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("/requests/"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("PENDING_APPROVAL");
        String requestUrl = browser.getCurrentUrl();
        String id = requestUrl.substring(requestUrl.lastIndexOf('/') + 1);
        Chromium.screenshot(browser, "request-pending");

        Chromium.signInAs(browser, url(""), "maria.lopez@acme.test");
        browser.get(url("/inbox"));
        assertThat(browser.findElement(By.id("item-" + id)).getText()).contains("Sam Taylor").contains("Engineering")
                .contains("release night");
        Chromium.screenshot(browser, "inbox");
        browser.findElement(By.id("comment-" + id)).sendKeys("ok for the release");
        browser.findElement(By.id("approve-" + id)).click();
        Chromium.waitUpTo(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.id("item-" + id)).getText().contains("You approved it"));
        assertThat(browser.getCurrentUrl()).as("decided in place, without leaving the inbox").endsWith("/inbox");

        Chromium.signInAs(browser, url(""), "sam.taylor@acme.test");
        Chromium.waitUpTo(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(requestUrl);
            return driver.findElement(By.id("status")).getText().equals("GRANTED");
        });
        browser.get(url("/access"));
        String access = browser.findElement(By.id("grants")).getText();
        assertThat(access).contains("GitHub / admin").contains("ACTIVE").doesNotContain("permanent");
        assertThat(browser.findElement(By.cssSelector("time.countdown")).getText()).matches("in 5 h \\d+ min");
        Chromium.screenshot(browser, "my-access");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
