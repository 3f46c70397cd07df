package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clavis.connector.keycloak.testserver.KeycloakRealm;
import dev.clavis.connector.keycloak.testserver.KeycloakServer;
import dev.clavis.support.Api;
import dev.clavis.web.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code CLAVIS_DIRECTORY=keycloak} against a real Keycloak: people and groups synced from a realm,
 * an auto-approved 20-second grant that puts the person in the Keycloak group, and its expiry that
 * takes them out again, each read from Keycloak itself. The same Keycloak is the console's OpenID
 * Connect provider: people sign in on its own login page, in Chromium.
 */
class KeycloakAccessRequestIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final String CONSOLE_CLIENT = "clavis-console";
    private static final String PASSWORD = "Correct-Horse-42";
    private static KeycloakServer keycloak;
    private static KeycloakRealm realm;
    private static String secret;
    private static String labGroup;
    private static String kim;
    private static String maria;
    private static Path consoleSecret;
    private ChromeDriver browser;

    /** Runs before Spring starts Clavis, which reads the realm's settings below. */
    @BeforeAll
    static void realmWithPeopleAndAGroup() {
        KeycloakServer.assumeItCanRun();
        keycloak = KeycloakServer.start();
        realm = keycloak.createRealm("acme");
        secret = realm.createServiceClient("clavis", List.of("view-users", "manage-users", "view-events"));
        maria = realm.createPerson("maria.lopez@acme.test", "Maria", "Lopez", Map.of("department", "Engineering", "title", "Head of Engineering"));
        kim = realm.createPerson("kim.lee@acme.test", "Kim", "Lee",
                Map.of("department", "Engineering", "title", "Engineer", "manager", "maria.lopez@acme.test"));
        labGroup = realm.createGroup("lab-short", "short-lived lab access");
        consoleSecret = secretFile(realm.createSignInClient(CONSOLE_CLIENT));
        realm.setPassword(maria, PASSWORD);
        realm.setEmailVerified(maria, true);
        realm.addMember(realm.createGroup("clavis-admins", null), maria);
        realm.setPassword(kim, PASSWORD);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("clavis.data-dir", DATA::toString);
        registry.add("clavis.bootstrap-admin-token", () -> ADMIN_TOKEN);
        registry.add("clavis.sync.interval", () -> "PT1H");
        registry.add("clavis.directory", () -> "keycloak");
        registry.add("clavis.keycloak.base-url", () -> keycloak.baseUrl());
        registry.add("clavis.keycloak.realm", () -> realm.name());
        registry.add("clavis.keycloak.client-id", () -> "clavis");
        registry.add("clavis.keycloak.client-secret", () -> secret);
        registry.add("clavis.web.oidc.issuer-uri", () -> keycloak.baseUrl() + "/realms/" + realm.name());
        registry.add("clavis.web.oidc.client-id", () -> CONSOLE_CLIENT);
        registry.add("clavis.web.oidc.client-secret-file", consoleSecret::toString);
        registry.add("clavis.web.oidc.display-name", () -> "Keycloak");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void peopleSignInToTheConsoleOnKeycloaksLoginPageAsTheDirectoryPersonTheyAre() {
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        realm.setRedirectUris(CONSOLE_CLIENT, List.of(url("/*")));
        browser = Chromium.start();

        signInAtKeycloak("kim.lee@acme.test");
        assertThat(browser.getCurrentUrl()).contains("/signin?refused=unverified");
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("has not verified your email");
        browser.get(url("/portal"));
        assertThat(browser.getCurrentUrl()).as("no session after a refusal").endsWith("/signin");

        realm.setEmailVerified(kim, true);
        signInAtKeycloak("kim.lee@acme.test");
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
        assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("Kim Lee");
        browser.manage().window().setSize(new Dimension(375, 800));
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("at phone width the page does not scroll sideways").isTrue();
        Chromium.screenshot(browser, "portal-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        assertThat(browser.findElements(By.linkText("Admin"))).isEmpty();
        browser.get(url("/admin/catalog"));
        assertThat(browser.getPageSource()).doesNotContain("Catalog, version");

        signInAtKeycloak("maria.lopez@acme.test");
        assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("Maria Lopez");
        browser.findElement(By.linkText("Admin"));
        browser.get(url("/admin/catalog"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Catalog, version");

        browser.findElement(By.cssSelector(".signout button")).click();
        awaitPage("back on the sign-in page after Keycloak's logout", driver -> driver.getCurrentUrl().equals(url("/signin")));
        browser.findElement(By.id("signin-oidc")).click();
        awaitPage("Keycloak asks for a password again: its session ended too",
                driver -> !driver.findElements(By.id("username")).isEmpty());

        String newHire = realm.createPerson("new.hire@acme.test", "New", "Hire", Map.of());
        realm.setPassword(newHire, PASSWORD);
        realm.setEmailVerified(newHire, true);
        signInAtKeycloak("new.hire@acme.test");
        assertThat(browser.findElement(By.id("refusal")).getText()).as("not synced yet").contains("No one with your email");
    }

    /** From a clean browser: the console's "Sign in with Keycloak", then Keycloak's own login form. */
    private void signInAtKeycloak(String username) {
        // every cookie, Keycloak's (path /realms/...) too: WebDriver's deleteAllCookies sees only this page's
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.get(url("/signin"));
        Chromium.screenshot(browser, "signin-oidc");
        browser.findElement(By.id("signin-oidc")).click();
        awaitPage("Keycloak's login form", driver -> !driver.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        awaitPage("back in the console", driver -> driver.getCurrentUrl().startsWith(url("/"))
                && !driver.getCurrentUrl().contains("/signin/oidc"));
    }

    /** Waits for the page, naming where the browser is instead if it does not come. */
    private void awaitPage(String what, Function<WebDriver, Boolean> arrived) {
        Chromium.waitUpTo(browser, Duration.ofSeconds(20))
                .withMessage(() -> what + "; the browser is at " + browser.getCurrentUrl() + " showing: "
                        + browser.findElement(By.tagName("body")).getText())
                .until(arrived);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static Path secretFile(String value) {
        try {
            Path file = Files.createTempFile(DATA, "oidc-client-secret", "");
            Files.writeString(file, value + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAutoApprovedShortGrantPutsThePersonInTheKeycloakGroupAndItsExpiryTakesThemOut() {
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode synced = admin().get("/api/v1/people?query=kim.lee").json().get("items").get(0);
        assertThat(synced.get("managerId").isNull()).as("Kim's manager is resolved from her email").isFalse();
        var applied = admin().put("/api/v1/catalog?dryRun=false", """
                apps:
                  - id: lab
                    name: Test Lab
                    owners: [maria.lopez@acme.test]
                    roles:
                      - id: short
                        groups: [lab-short]
                        risk: low
                        durations: [PT20S]
                        approval: auto
                """, "application/yaml");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);

        JsonNode request = as("kim.lee@acme.test").post("/api/v1/requests",
                Api.json(Map.of("app", "lab", "role", "short", "duration", "PT20S"))).json();
        JsonNode granted = awaitStatus(request, "GRANTED");

        assertThat(realm.members(labGroup)).containsExactly(kim);
        Instant expiresAt = Instant.parse(admin().get("/api/v1/grants/" + granted.get("grantId").asString()).json()
                .get("expiresAt").asString());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> realm.members(labGroup).isEmpty());
        System.out.printf("expired Keycloak grant removed %d ms after expiresAt%n",
                Duration.between(expiresAt, Instant.now()).toMillis());
        awaitStatus(request, "EXPIRED");
    }

    private Api as(String email) {
        var created = admin().post("/api/v1/tokens", Api.json(Map.of("person", email, "scopes", List.of("request"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return admin().as(created.json().get("token").asString());
    }

    private JsonNode awaitStatus(JsonNode request, String status) {
        String id = request.get("id").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin().get("/api/v1/requests/" + id).json(), r -> {
                    String now = r.get("status").asString();
                    if (!now.equals(status) && List.of("FAILED", "DENIED", "CANCELLED").contains(now)) {
                        throw new AssertionError("request ended " + now + ": " + r.get("timeline"));
                    }
                    return now.equals(status);
                });
    }
}
