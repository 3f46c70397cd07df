package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person signed in to the console over HTTP, as a browser is: a session cookie, the CSRF token
 * taken from the page a form is on, redirects not followed so a test sees them.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleSession(int port) {
        this.port = port;
    }

    /** Signs in on the demo sign-in page as one of its people. */
    static ConsoleSession signIn(int port, String email) {
        var session = new ConsoleSession(port);
        String page = session.get("/signin").body();
        assertThat(page).contains(email);
        assertThat(session.post("/signin/demo", page, List.of(Map.entry("email", email))).statusCode()).isEqualTo(302);
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts a form with the CSRF token of the page it is on; fields may repeat (checkboxes). */
    HttpResponse<String> post(String path, String fromPage, List<Map.Entry<String, String>> fields) {
        Matcher csrf = CSRF.matcher(fromPage);
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        String body = java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of(Map.entry("_csrf", csrf.group(1))))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, String fromPage, Map<String, String> fields) {
        return post(path, fromPage, List.copyOf(fields.entrySet()));
    }

    /** Where a redirect points, as a path. */
    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    /** The text of the first element matching {@code regex}'s group 1, with HTML's escapes undone. */
    static String text(String page, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(page);
        assertThat(matcher.find()).as("the page has " + regex).isTrue();
        return unescape(matcher.group(1));
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("the console does not answer: " + e.getMessage(), e);
        }
    }
}
