package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clavis.it.RunningClavis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the console, read from Spring MVC's handler mappings rather than listed by hand, so a
 * page added later is covered from the day it is added: refused to someone not signed in, to a form
 * without its CSRF token, to a non-admin on admin pages, to an employee on the audit trail and dashboard,
 * and to a person asking for another person's request or grant by id.
 */
class ConsoleSecurityIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    /** Free, and nothing listens on it. */
    private static final int SILENT_PROVIDER_PORT = newPort();
    private static final String EMPLOYEE = "sam.taylor@acme.test";
    /** Reports to Sam's manager too, and approves nothing of Sam's. */
    private static final String COLLEAGUE = "alex.morgan@acme.test";
    private static final String ADMIN = "priya.shah@acme.test";
    private static final String AUDITOR = "daniel.kim@acme.test";
    /** Suspended in the directory. */
    private static final String SUSPENDED = "jordan.reed@acme.test";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern GRANT = Pattern.compile("/access/([0-9a-f-]{36})/give-back");
    /** What a forged form would carry to do harm: a request, a decision, a sign-in. */
    private static final Map<String, String> PLAUSIBLE_FORM = Map.of("app", "github", "role", "member", "duration",
            "permanent", "justification", "forged", "decision", "approve", "comment", "forged", "email", EMPLOYEE);

    private static @Nullable UUID pendingRequest;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        registry.add("clavis.web.demo-people", () -> String.join(",", EMPLOYEE, COLLEAGUE, ADMIN, AUDITOR, SUSPENDED));
        // a provider that does not answer: Clavis still starts, and says so at sign-in
        registry.add("clavis.web.oidc.issuer-uri", () -> "http://127.0.0.1:" + SILENT_PROVIDER_PORT + "/realms/acme");
        registry.add("clavis.web.oidc.client-id", () -> "clavis");
        registry.add("clavis.web.oidc.client-secret", () -> "not-used");
        registry.add("clavis.web.oidc.display-name", () -> "Okta");
    }

    @Test
    void aProviderThatDoesNotAnswerIsExplainedAtSignIn() {
        var someone = new ConsoleBrowser(port);
        assertThat(someone.get("/signin").body()).contains("Sign in with Okta").contains("href=\"/signin/oidc\"");
        var started = someone.get("/signin/oidc");
        assertThat(started.statusCode()).isEqualTo(302);
        String refusalPage = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        var explained = someone.get(refusalPage);
        assertThat(explained.statusCode()).isEqualTo(503);
        assertThat(explained.body()).contains("does not answer just now");
        assertThat(someone.get("/portal").statusCode()).isEqualTo(302);
    }

    @Test
    void everyPageSendsSomeoneNotSignedInToTheSignInPage() {
        var anonymous = new ConsoleBrowser(port);
        var softly = new SoftAssertions();
        for (Route route : routes()) {
            if (route.isPublic()) {
                continue;
            }
            var answer = route.isGet() ? anonymous.get(route.path(UUID.randomUUID()))
                    : anonymous.postForm(route.path(UUID.randomUUID()), PLAUSIBLE_FORM);
            if (route.isGet()) {
                softly.assertThat(answer.statusCode()).as(route.toString()).isEqualTo(302);
                softly.assertThat(answer.headers().firstValue("Location")).as(route.toString())
                        .hasValueSatisfying(location -> assertThat(location).endsWith("/signin"));
            } else {
                softly.assertThat(answer.statusCode()).as(route + " without a session or a token").isEqualTo(403);
            }
        }
        softly.assertAll();
    }

    @Test
    void everyFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        var priya = ConsoleBrowser.signedInAs(port, ADMIN);
        UUID pending = pendingRequestOfTheEmployee();
        long before = auditEntries();
        var softly = new SoftAssertions();
        for (Route route : routes()) {
            if (!route.isGet()) {
                softly.assertThat(priya.postForm(route.path(pending), PLAUSIBLE_FORM).statusCode()).as(route.toString())
                        .isEqualTo(403);
            }
        }
        softly.assertThat(priya.postForm("/signout", Map.of()).statusCode()).as("POST /signout").isEqualTo(403);
        softly.assertAll();
        assertThat(priya.get("/portal").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(auditEntries()).isEqualTo(before);
    }

    @Test
    void everyAdminPageAndFormRefusesAnEmployeeAndOpensForAnAdmin() {
        var sam = ConsoleBrowser.signedInAs(port, EMPLOYEE);
        var priya = ConsoleBrowser.signedInAs(port, ADMIN);
        String samsPage = sam.get("/portal").body();
        long before = auditEntries();
        var softly = new SoftAssertions();
        softly.assertThat(sam.get("/admin").statusCode()).as("GET /admin").isEqualTo(403);
        for (Route route : routes()) {
            if (!route.under("/admin")) {
                continue;
            }
            String path = route.path(UUID.randomUUID());
            if (route.isGet()) {
                softly.assertThat(sam.get(path).statusCode()).as(route + " for an employee").isEqualTo(403);
                if (!route.hasVariables()) {
                    softly.assertThat(priya.get(path).statusCode()).as(route + " for an admin").isEqualTo(200);
                }
            } else {
                softly.assertThat(sam.post(path, samsPage, PLAUSIBLE_FORM).statusCode()).as(route + " for an employee")
                        .isEqualTo(403);
            }
        }
        softly.assertAll();
        assertThat(auditEntries()).isEqualTo(before);
    }

    @Test
    void theAuditTrailAndDashboardAreForAuditorsAndAdminsOnly() {
        var sam = ConsoleBrowser.signedInAs(port, EMPLOYEE);
        var daniel = ConsoleBrowser.signedInAs(port, AUDITOR);
        String samsPage = sam.get("/portal").body();
        var softly = new SoftAssertions();
        for (String section : List.of("/audit", "/dashboard")) {
            softly.assertThat(sam.get(section).statusCode()).as("GET " + section + " for an employee").isEqualTo(403);
        }
        for (Route route : routes()) {
            if (!route.under("/audit") && !route.under("/dashboard")) {
                continue;
            }
            String path = route.path(UUID.randomUUID());
            if (route.isGet()) {
                softly.assertThat(sam.get(path).statusCode()).as(route + " for an employee").isEqualTo(403);
                int forAuditor = daniel.get(path).statusCode();
                if (route.hasVariables()) {
                    softly.assertThat(forAuditor).as(route + " for an auditor").isNotEqualTo(403).isLessThan(500);
                } else {
                    softly.assertThat(forAuditor).as(route + " for an auditor").isEqualTo(200);
                }
            } else {
                softly.assertThat(sam.post(path, samsPage, PLAUSIBLE_FORM).statusCode()).as(route + " for an employee")
                        .isEqualTo(403);
            }
        }
        softly.assertAll();
    }

    @Test
    void anotherPersonsRequestAndGrantAreNotFoundOnEveryPageThatTakesAnId() {
        UUID request = pendingRequestOfTheEmployee();
        UUID grant = grantOfTheEmployee();
        var alex = ConsoleBrowser.signedInAs(port, COLLEAGUE);
        String alexsPage = alex.get("/portal").body();
        long before = auditEntries();
        var softly = new SoftAssertions();
        int checked = 0;
        for (Route route : routes()) {
            if (route.isPublic() || !route.hasVariables() || route.under("/admin") || route.under("/audit")
                    || route.under("/dashboard") || route.pattern.startsWith("/portal/apps/")) {
                continue;
            }
            for (UUID id : List.of(request, grant)) {
                var answer = route.isGet() ? alex.get(route.path(id)) : alex.post(route.path(id), alexsPage, PLAUSIBLE_FORM);
                softly.assertThat(answer.statusCode()).as(route + " with Sam's " + (id == request ? "request" : "grant"))
                        .isEqualTo(404);
                checked++;
            }
        }
        softly.assertAll();
        assertThat(checked).as("routes that take an id").isGreaterThanOrEqualTo(6);
        var sam = ConsoleBrowser.signedInAs(port, EMPLOYEE);
        assertThat(sam.get("/requests/" + request).body()).contains("PENDING_APPROVAL");
        assertThat(sam.get("/access").body()).contains("/access/" + grant + "/give-back");
        assertThat(auditEntries()).isEqualTo(before);
    }

    @Test
    void aSuspendedPersonIsToldWhyAndGetsNoSession() {
        var jordan = new ConsoleBrowser(port);
        String page = jordan.get("/signin").body();
        var refused = jordan.post("/signin/demo", page, Map.of("email", SUSPENDED));
        assertThat(refused.statusCode()).isEqualTo(302);
        String refusalPage = refused.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        var explained = jordan.get(refusalPage);
        assertThat(explained.statusCode()).isEqualTo(403);
        assertThat(explained.body()).contains("no longer active");
        assertThat(jordan.get("/portal").statusCode()).isEqualTo(302);
    }

    @Test
    void pagesCarrySecureHeadersAndTheSessionCookieIsHttpOnlyLaxAndSecureOverHttps() {
        var plain = new ConsoleBrowser(port).get("/signin");
        assertThat(plain.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'")
                .as("forms lead to this server, and sign-out on to the provider")
                .contains("form-action 'self' http://127.0.0.1:" + SILENT_PROVIDER_PORT + ";"));
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(plain.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        assertThat(sessionCookie(plain)).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

        var behindTls = new ConsoleBrowser(port);
        var https = behindTls.send(HttpRequest.newBuilder(behindTls.uri("/signin")).header("X-Forwarded-Proto", "https").GET());
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age="));
        assertThat(sessionCookie(https)).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");
    }

    @Test
    void signingInGivesTheSessionANewId() {
        var sam = new ConsoleBrowser(port);
        var page = sam.get("/signin");
        var signedIn = sam.post("/signin/demo", page.body(), Map.of("email", EMPLOYEE));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(sessionId(signedIn)).isNotEqualTo(sessionId(page));
        assertThat(sam.get("/portal").statusCode()).isEqualTo(200);
    }

    private static String sessionId(HttpResponse<String> answer) {
        return sessionCookie(answer).split(";", 2)[0];
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers().map()));
    }

    /** A GitHub admin request of Sam's that waits for his manager; one for the class, as Sam may have only one. */
    private synchronized UUID pendingRequestOfTheEmployee() {
        if (pendingRequest == null) {
            pendingRequest = submitPendingRequest();
        }
        return pendingRequest;
    }

    private UUID submitPendingRequest() {
        var sam = ConsoleBrowser.signedInAs(port, EMPLOYEE);
        String app = sam.get("/portal/apps/github").body();
        var submitted = sam.post("/requests", app, Map.of("app", "github", "role", "admin", "duration", "PT6H",
                "justification", "release night"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Sam's Figma viewer grant, approved automatically. */
    private UUID grantOfTheEmployee() {
        var sam = ConsoleBrowser.signedInAs(port, EMPLOYEE);
        String app = sam.get("/portal/apps/figma").body();
        assertThat(sam.post("/requests", app, Map.of("app", "figma", "role", "viewer", "duration", "permanent"))
                .statusCode()).isEqualTo(302);
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Matcher grant = GRANT.matcher(sam.get("/access").body());
            return grant.find() ? UUID.fromString(grant.group(1)) : null;
        }, id -> id != null);
    }

    private long auditEntries() {
        return admin().get("/api/v1/audit/verify").json().get("entries").asLong();
    }

    /** The console's routes: every handler method of the web module, for each of its paths and HTTP methods. */
    private List<Route> routes() {
        var routes = new ArrayList<Route>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            String module = handler.getBeanType().getPackageName();
            if (!module.equals("dev.clavis.web") && !module.startsWith("dev.clavis.web.")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    routes.add(new Route(method.name(), pattern));
                }
            }
        });
        assertThat(routes).as("the console's routes are found")
                .contains(new Route("GET", "/portal"), new Route("POST", "/requests"), new Route("GET", "/admin/catalog"));
        return routes;
    }

    private record Route(String method, String pattern) {

        boolean isGet() {
            return method.equals("GET") || method.equals("HEAD");
        }

        boolean isPublic() {
            return under("/signin") || under("/web") || under("/webjars");
        }

        boolean under(String section) {
            return pattern.equals(section) || pattern.startsWith(section + "/");
        }

        boolean hasVariables() {
            return VARIABLE.matcher(pattern).find();
        }

        /** The path with an existing app and role for their variables and {@code id} for every other one. */
        String path(UUID id) {
            return VARIABLE.matcher(pattern).replaceAll(variable -> {
                String name = variable.group(1).toLowerCase(Locale.ROOT);
                return name.contains("app") ? "github" : name.contains("role") ? "member" : id.toString();
            });
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
