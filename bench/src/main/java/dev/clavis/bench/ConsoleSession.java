package dev.clavis.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person signed in to the web console, as a browser is: a session cookie, and each form posted with
 * the CSRF token of the page it is on. Redirects are not followed, so each answer is one page's.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private ConsoleSession(String base) {
        this.base = base;
    }

    /** Signed in on the demo sign-in page (Clavis in demo mode) as one of the demo people. */
    static ConsoleSession signIn(String base, String email) throws IOException, InterruptedException {
        var session = new ConsoleSession(base);
        String page = session.get("/signin").body();
        var answer = session.post("/signin/demo", page, Map.of("email", email));
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IOException("demo sign-in as " + email + " answered " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse(""));
        }
        return session;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String fromPage, Map<String, String> fields) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(fromPage);
        if (!csrf.find()) {
            throw new IOException("the page before POST " + path + " carries no CSRF token");
        }
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page's body; anything but 200 is an error, as a page that fails is not a fast page. */
    String page(String path) throws IOException, InterruptedException {
        return ok("GET " + path, get(path));
    }

    /** The body of a form's answer; anything but 200 is an error. */
    String submit(String path, String fromPage, Map<String, String> fields) throws IOException, InterruptedException {
        return ok("POST " + path, post(path, fromPage, fields));
    }

    /** The first link on a page that starts with {@code prefix}. */
    String firstLink(String path, String prefix) throws IOException, InterruptedException {
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"]+)\"").matcher(page(path));
        if (!link.find()) {
            throw new IOException(path + " links to nothing under " + prefix);
        }
        return link.group(1);
    }

    /** The text of the page's editor, unescaped. */
    static String textareaOf(String page) {
        Matcher text = Pattern.compile("<textarea[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
        if (!text.find()) {
            throw new IllegalStateException("the page has no editor");
        }
        return text.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String ok(String call, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(call + " answered " + response.statusCode());
        }
        return response.body();
    }
}
