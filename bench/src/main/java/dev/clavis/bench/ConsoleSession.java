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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A person signed in to the web console through the demo sign-in: a session cookie and each page's CSRF token. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static ConsoleSession signIn(int port, String email) throws IOException, InterruptedException {
        var session = new ConsoleSession(port);
        String page = session.get("/signin");
        int status = session.send(session.form("/signin/demo", page, Map.of("email", email))).statusCode();
        if (status != 302) {
            throw new IOException("the demo sign-in as " + email + " answered " + status);
        }
        return session;
    }

    /** The page's body; anything but 200 is an error, a page that fails is not a fast page. */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    String post(String path, String fromPage, Map<String, String> fields) throws IOException, InterruptedException {
        HttpResponse<String> response = send(form(path, fromPage, fields));
        if (response.statusCode() != 200) {
            throw new IOException("POST " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The first link on a page that starts with {@code prefix}. */
    String firstLink(String page, String prefix) throws IOException, InterruptedException {
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"]+)\"").matcher(get(page));
        if (!link.find()) {
            throw new IOException(page + " links to nothing under " + prefix);
        }
        return link.group(1);
    }

    static String textareaOf(String page) {
        Matcher text = Pattern.compile("<textarea[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page);
        if (!text.find()) {
            throw new IllegalStateException("the page has no editor");
        }
        return text.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private HttpRequest.Builder form(String path, String fromPage, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(fromPage);
        if (!csrf.find()) {
            throw new IllegalStateException("the page has no CSRF token");
        }
        String body = Stream.concat(fields.entrySet().stream(), Stream.of(Map.entry("_csrf", csrf.group(1))))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
