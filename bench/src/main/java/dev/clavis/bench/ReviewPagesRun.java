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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the web console's review pages take to answer on a large campaign: a reviewer's page and
 * the admin's monitor, each signed in through the demo sign-in as a browser is. Each page is asked for
 * once to warm up, then {@link #TIMES} times; the median and the slowest are reported. Measured from a
 * client on the same machine, so the figures are the server's time plus a loopback round trip.
 */
final class ReviewPagesRun {

    private static final int TIMES = 7;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("href=\"(/reviews/[0-9a-f-]{36}\\?after=\\d+)\"");

    private final String base;

    ReviewPagesRun(String base) {
        this.base = base;
    }

    /** @return report rows, one per page */
    List<String> measure(String campaign, String reviewer, String admin) throws IOException, InterruptedException {
        var rows = new ArrayList<String>();
        HttpClient asReviewer = signedIn(reviewer);
        String mine = get(asReviewer, "/reviews");
        rows.add(timed(asReviewer, "/reviews", "a reviewer's page: open campaigns with progress, first 50 items with signals"));
        rows.add(timed(asReviewer, "/reviews/" + campaign + "?show=undecided&suggestion=revoke",
                "the same, undecided items whose signals suggest revoking"));
        Matcher next = NEXT.matcher(mine);
        if (next.find()) {
            rows.add(timed(asReviewer, next.group(1), "the reviewer's next page (keyset)"));
        }
        HttpClient asAdmin = signedIn(admin);
        rows.add(timed(asAdmin, "/admin/reviews", "campaign list"));
        rows.add(timed(asAdmin, "/admin/reviews/" + campaign, "campaign monitor: totals, progress by reviewer, first 100 items"));
        rows.add(timed(asAdmin, "/admin/reviews/" + campaign + "?reviewer=" + URLEncoder.encode(reviewer, StandardCharsets.UTF_8)
                + "&show=undecided", "campaign monitor, one reviewer's undecided items"));
        return rows;
    }

    private String timed(HttpClient client, String path, String what) throws IOException, InterruptedException {
        get(client, path);
        var millis = new ArrayList<Double>();
        for (int i = 0; i < TIMES; i++) {
            long t0 = System.nanoTime();
            get(client, path);
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        millis.sort(Double::compare);
        return String.format(Locale.ROOT, "| `GET %s` (%s) | median %.0f ms, slowest %.0f ms of %d |",
                path.replaceAll("[0-9a-f-]{36}", "{id}"), what, millis.get(TIMES / 2), millis.get(TIMES - 1), TIMES);
    }

    private HttpClient signedIn(String email) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = get(client, "/signin");
        Matcher csrf = CSRF.matcher(page);
        if (!page.contains(email) || !csrf.find()) {
            throw new IOException("the demo sign-in does not offer " + email + "; set CLAVIS_WEB_DEMO_PEOPLE");
        }
        var response = client.send(HttpRequest.newBuilder(URI.create(base + "/signin/demo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IOException("demo sign-in as " + email + " answered " + response.statusCode());
        }
        return client;
    }

    private String get(HttpClient client, String path) throws IOException, InterruptedException {
        var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
