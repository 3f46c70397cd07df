package dev.clavis.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium: the browser every console test uses. Without it the
 * calling test is skipped locally and fails under {@code CI=true} ({@code .ci/run} installs it).
 */
public final class Chromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Chromium() {}

    public static ChromeDriver start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must have chromium and chromium-driver installed (.ci/run installs them)");
        }
        assumeTrue(installed, "chromium and chromium-driver are not installed");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--window-size=1280,900");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    /**
     * A wait that reads the page again when an element it held was replaced: htmx swaps the element a
     * click updates, so a condition may find it just before the swap and read it just after.
     */
    public static FluentWait<WebDriver> waitUpTo(WebDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class);
    }

    /** Signs in on the demo sign-in page as this person, and waits for the portal it lands on. */
    public static void signInAs(WebDriver browser, String baseUrl, String email) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/signin");
        browser.findElement(By.id("as-" + email)).click();
        waitUpTo(browser, Duration.ofSeconds(15)).until(driver -> driver.getCurrentUrl().endsWith("/portal"));
    }

    /** Saves what the browser shows as target/screenshots/{name}.png, for a person to look at after the run. */
    public static void screenshot(TakesScreenshot browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
