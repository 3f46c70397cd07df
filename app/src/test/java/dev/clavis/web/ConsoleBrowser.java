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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The console over HTTP as a browser speaks it: an HTTP client that keeps cookies and does not follow
 * redirects, as a test wants to see them, and posts forms with the CSRF token of the page they were on.
 */
final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleBrowser(int port) {
        this.port = port;
    }

    /** A browser signed in on the demo page as this person. */
    static ConsoleBrowser signedInAs(int port, String email) {
        var browser = new ConsoleBrowser(port);
        String page = browser.get("/signin").body();
        assertThat(page).contains(email);
        var signedIn = browser.post("/signin/demo", page, Map.of("email", email));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        return browser;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /**
     * Posts a form with the CSRF token of the page it was on. A field's value may be a list: the field
     * is sent once per element, as ticked checkboxes are.
     */
    HttpResponse<String> post(String path, String fromPage, Map<String, ?> fields) {
        Matcher csrf = CSRF.matcher(fromPage);
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        var form = new LinkedHashMap<String, Object>(fields);
        form.put("_csrf", csrf.group(1));
        return postForm(path, form);
    }

    /** Posts exactly these fields, with no CSRF token unless one is among them. */
    HttpResponse<String> postForm(String path, Map<String, ?> fields) {
        String body = fields.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof List<?> values ? values.stream() : Stream.of(e.getValue()))
                        .map(value -> e.getKey() + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)))
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
}
