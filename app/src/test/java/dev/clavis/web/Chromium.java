package dev.clavis.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, as {@code BrowserJourneyIT} starts it: skipped locally when it is not
 * installed, a failure under {@code CI=true}. Screenshots go to {@code target/screenshots}.
 */
final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private final int port;

    private Chromium(ChromeDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    static Chromium start(int port) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must have chromium and chromium-driver installed (.ci/run installs them)");
        }
        assumeTrue(installed, "chromium and chromium-driver are not installed");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--window-size=1400,1000");
        return new Chromium(new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options), port);
    }

    void signInAs(String email) {
        driver.manage().deleteAllCookies();
        open("/signin");
        driver.findElement(By.id("as-" + email)).click();
        until(d -> d.getCurrentUrl().endsWith("/portal"));
    }

    void open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    void until(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
