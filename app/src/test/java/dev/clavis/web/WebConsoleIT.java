package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clavis.it.RunningClavis;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console over HTTP as a browser speaks it (session cookie, CSRF token from each page), against
 * Clavis on the demo organisation.
 */
class WebConsoleIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final Pattern REQUEST_LINK = Pattern.compile("href=\"/requests/([0-9a-f-]{36})\"");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
    }

    @Test
    void anEmployeesRequestApprovedByTheManagerInTheInboxIsGranted() {
        ConsoleBrowser sam = signIn("sam.taylor@acme.test");
        String app = sam.get("/portal/apps/github").body();
        assertThat(app).contains("Approval path");
        var submitted = sam.post("/requests", app, Map.of("app", "github", "role", "admin", "duration", "PT6H",
                "justification", "release night"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        String requestPath = submitted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(sam.get(requestPath).body()).contains("PENDING_APPROVAL");

        ConsoleBrowser maria = signIn("maria.lopez@acme.test");
        String inbox = maria.get("/inbox").body();
        Matcher link = REQUEST_LINK.matcher(inbox);
        assertThat(link.find()).as("the request is in Maria's inbox").isTrue();
        assertThat(requestPath).endsWith(link.group(1));
        String page = maria.get(requestPath).body();
        assertThat(maria.post("/inbox/" + link.group(1) + "/decision", page, Map.of("decision", "approve", "comment", "ok"))
                .statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sam.get(requestPath).body()).contains("GRANTED"));
        String access = sam.get("/access").body();
        assertThat(access).contains("github / admin").contains("ACTIVE").doesNotContain("permanent");
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
                .POST(HttpRequest.BodyPublishers.ofString("app=github&role=admin&duration=PT1H")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(sam.get("/requests").body()).doesNotContain("github / admin");
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

    private ConsoleBrowser signIn(String email) {
        return ConsoleBrowser.signedInAs(port, email);
    }
}
