package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over HTTP as a browser speaks it: a session cookie, the CSRF token taken from the page a
 * form is on, and redirects not followed, as a test wants to see them.
 */
final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleBrowser(int port) {
        this.port = port;
    }

    /** Signed in on the demo sign-in page as one of the demo people. */
    static ConsoleBrowser signedInAs(int port, String email) {
        var browser = new ConsoleBrowser(port);
        String page = browser.get("/signin").body();
        assertThat(page).contains(email);
        assertThat(browser.post("/signin/demo", page, Map.of("email", email)).statusCode()).isEqualTo(302);
        return browser;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts a form with the CSRF token of the page it was on. */
    HttpResponse<String> post(String path, String fromPage, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(fromPage);
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("the console does not answer: " + e.getMessage(), e);
        }
    }
}
