package dev.clavis.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How long the web console's pages take, per route, as each demo person reaches them by following links
 * from the catalog page (the nav links every section, so pages added later are measured too). Clavis
 * runs as its own process on the demo organisation: on H2 as it starts, and on PostgreSQL with 100,000
 * more people (the access review benchmark's seeding). Before measuring, Sam asks for three roles, two
 * granted by policy and one approved by Maria, so the pages have something to show.
 *
 * <p>What is timed: from sending a GET to the last byte of the answer, on 127.0.0.1, one request at a
 * time: the server's time plus a loopback transfer, so an upper bound of the server time. Run it with
 * {@code bench/web.sh}; the report goes to {@code bench/results/web-<timestamp>.md}.
 */
public final class WebBenchmark {

    static final Duration BUDGET = Duration.ofMillis(200);
    private static final List<String> PEOPLE = List.of("sam.taylor@acme.test", "maria.lopez@acme.test", "priya.shah@acme.test",
            "daniel.kim@acme.test");

    private final Flags flags;
    private final int rounds;
    private final int warmup;
    private final int perRoute;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();

    private WebBenchmark(Flags flags) {
        this.flags = flags;
        this.rounds = flags.integer("rounds", 30);
        this.warmup = flags.integer("warmup", 5);
        this.perRoute = flags.integer("urls-per-route", 2);
    }

    public static void main(String[] args) throws Exception {
        Flags flags = Flags.parse(args);
        System.exit(new WebBenchmark(flags).run(String.join(" ", args)) ? 0 : 1);
    }

    private boolean run(String args) throws Exception {
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(started.atOffset(ZoneOffset.UTC));
        List<String> databases = List.of(flags.text("databases", "h2,postgresql").split(","));
        int people = flags.integer("people", 100_000);
        int groups = flags.integer("groups", 1000);
        int perPerson = flags.integer("per-person", 10);
        String heap = flags.text("clavis-heap", "1g");
        Path jar = flags.path("clavis-jar", "app/target/clavis.jar");
        Path results = flags.path("results", "bench/results");
        flags.refuseUnknown();
        Files.createDirectories(results);
        double loadAtStart = SyncBenchmark.loadAverage();
        boolean withinBudget = true;
        for (String database : databases) {
            String name = database.strip().toLowerCase(Locale.ROOT);
            RunFiles files = RunFiles.in(results, "web-" + stamp + "-" + name);
            withinBudget &= switch (name) {
                case "h2" -> measure("H2, the demo organisation", null, 0, 0, 0, heap, jar, files);
                case "postgresql" -> {
                    try (PostgresDatabase postgres = PostgresDatabase.create(clock)) {
                        yield measure(String.format(Locale.ROOT, "PostgreSQL, the demo organisation and %,d more people", people),
                                postgres, people, groups, perPerson, heap, jar, files);
                    }
                }
                default -> throw new IllegalArgumentException("--databases takes h2 and postgresql, not " + database);
            };
        }
        String text = "# Web console page times, " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(started.atOffset(ZoneOffset.UTC)) + "\n\n"
                + "Command: `bench/web.sh " + args + "`  \n"
                + "Machine: " + SyncBenchmark.machine(loadAtStart, SyncBenchmark.loadAverage()) + "  \n"
                + "Clavis: `java -Xmx" + heap + " -jar clavis.jar`; each page requested " + warmup + " times to warm up, then "
                + rounds + " times timed, one request at a time; time = sending the GET to the answer's last byte on 127.0.0.1\n\n"
                + String.join("\n", report) + "\n";
        Path file = results.resolve("web-" + stamp + ".md");
        Files.writeString(file, text);
        System.out.println();
        System.out.print(text);
        System.out.println("Written to " + file);
        return withinBudget;
    }

    /** One Clavis run: start, seed, make requests, crawl and time every page as each demo person. */
    private boolean measure(String title, PostgresDatabase postgres, int people, int groups, int perPerson, String heap, Path jar,
            RunFiles files) throws Exception {
        Path dataDir = Files.createTempDirectory("clavis-web-");
        int port = SyncMeasurement.freePort();
        String base = "http://127.0.0.1:" + port;
        var environment = new LinkedHashMap<String, String>();
        environment.put("CLAVIS_DATA_DIR", dataDir.toString());
        environment.put("CLAVIS_HTTP_PORT", Integer.toString(port));
        environment.put("CLAVIS_EMBEDDED_LDAP_PORT", Integer.toString(SyncMeasurement.freePort()));
        environment.put("CLAVIS_BOOTSTRAP_ADMIN_TOKEN", UUID.randomUUID().toString());
        environment.put("CLAVIS_DEMO", "true");
        environment.put("CLAVIS_SYNC_INTERVAL", "P1D");
        environment.put("CLAVIS_GRANTS_RECONCILE_INTERVAL", "P1D");
        if (postgres != null) {
            environment.putAll(postgres.environment());
        }
        try (ClavisProcess clavis = ClavisProcess.start(jar, heap, environment, files)) {
            progress(title + ": Clavis started (pid " + clavis.pid() + "), waiting until it is ready");
            clavis.awaitReady(http, base);
            if (postgres != null) {
                try (Connection db = DriverManager.getConnection(postgres.url(), PostgresDatabase.USER, PostgresDatabase.password())) {
                    long memberships = ReviewBenchmark.seed(db, people, groups, perPerson, 50);
                    progress(String.format(Locale.ROOT, "seeded %,d people, %,d groups, %,d memberships", people, groups, memberships));
                }
            }
            grantSamThreeRoles(base);
            var timings = new TreeMap<String, Timing>();
            for (String person : PEOPLE) {
                ConsoleSession session = ConsoleSession.signIn(base, person);
                List<String> pages = crawl(session, timings, person);
                progress(person + " reaches " + pages.size() + " pages; timing them");
                for (String page : pages) {
                    time(session, page, timings.get(ConsoleRoutes.route(page)));
                }
            }
            return write(title, timings);
        } finally {
            SyncBenchmark.deleteRecursively(dataDir);
        }
    }

    /** Two roles the policy grants Sam at once, one his manager approves: the pages then show requests, grants and charts. */
    private static void grantSamThreeRoles(String base) throws Exception {
        ConsoleSession sam = ConsoleSession.signIn(base, "sam.taylor@acme.test");
        var ids = new ArrayList<String>();
        for (String[] ask : List.of(new String[] {"github", "member", "permanent"}, new String[] {"figma", "viewer", "permanent"},
                new String[] {"github", "admin", "PT6H"})) {
            String page = sam.get("/portal/apps/" + ask[0]).body();
            var answer = sam.post("/requests", page, Map.of("app", ask[0], "role", ask[1], "duration", ask[2], "justification", "bench"));
            ids.add(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^.*/requests/", ""));
        }
        ConsoleSession maria = ConsoleSession.signIn(base, "maria.lopez@acme.test");
        String admin = ids.get(2);
        maria.post("/inbox/" + admin + "/decision", maria.get("/requests/" + admin).body(), Map.of("decision", "approve"));
        Instant give = Instant.now().plus(Duration.ofMinutes(1));
        for (String id : ids) {
            while (!sam.get("/requests/" + id).body().contains(">GRANTED<")) {
                if (Instant.now().isAfter(give)) {
                    throw new IllegalStateException("request " + id + " was not granted within a minute");
                }
                Thread.sleep(200);
            }
        }
        progress("Sam's three requests are granted");
    }

    /**
     * Every console page the person reaches from the catalog by following links, at most
     * {@code --urls-per-route} URLs of one route; pages that do not answer 200 are noted and not timed.
     */
    private List<String> crawl(ConsoleSession session, Map<String, Timing> timings, String person) throws Exception {
        var pages = new ArrayList<String>();
        var seen = new LinkedHashSet<String>();
        var queue = new ArrayDeque<String>(List.of("/portal"));
        seen.add("/portal");
        while (!queue.isEmpty()) {
            String url = queue.poll();
            Timing timing = timings.computeIfAbsent(ConsoleRoutes.route(url), route -> new Timing());
            if (timing.urls.size() >= perRoute && !timing.urls.contains(url)) {
                continue;
            }
            HttpResponse<String> answer = session.get(url);
            timing.people.add(person.substring(0, person.indexOf('.')));
            if (answer.statusCode() != 200) {
                timing.refusals.add(answer.statusCode() + " for " + person.substring(0, person.indexOf('.')));
                continue;
            }
            timing.urls.add(url);
            pages.add(url);
            if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                for (String link : ConsoleRoutes.links(answer.body())) {
                    if (seen.add(link)) {
                        queue.add(link);
                    }
                }
            }
        }
        return pages;
    }

    private void time(ConsoleSession session, String page, Timing timing) throws Exception {
        for (int i = 0; i < warmup + rounds; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = session.get(page);
            long elapsed = System.nanoTime() - t0;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(page + " answered " + answer.statusCode() + " while it was timed");
            }
            if (i >= warmup) {
                timing.latencies.add(Duration.ofNanos(elapsed));
            }
        }
    }

    private boolean write(String title, Map<String, Timing> timings) {
        boolean within = true;
        report.add("## " + title);
        report.add("");
        report.add("| route | reached by | URLs | timed | p50 | p99 | max |");
        report.add("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        var slow = new ArrayList<String>();
        var refused = new ArrayList<String>();
        for (var entry : timings.entrySet()) {
            Timing timing = entry.getValue();
            if (!timing.refusals.isEmpty()) {
                refused.add("`" + entry.getKey() + "` (" + String.join(", ", timing.refusals) + ")");
            }
            if (timing.latencies.isEmpty()) {
                continue;
            }
            Latencies of = Latencies.of(timing.latencies);
            boolean over = of.p99().compareTo(BUDGET) > 0;
            within &= !over;
            if (over) {
                slow.add("`" + entry.getKey() + "`");
            }
            report.add(String.format(Locale.ROOT, "| `%s` | %s | %d | %d | %s | %s%s | %s |", entry.getKey(),
                    String.join(", ", timing.people), timing.urls.size(), of.count(), millis(of.p50()), millis(of.p99()),
                    over ? " ⚠" : "", millis(of.max())));
        }
        report.add("");
        report.add(slow.isEmpty() ? "Every page's p99 is within " + BUDGET.toMillis() + " ms."
                : "Over " + BUDGET.toMillis() + " ms at p99: " + String.join(", ", slow) + ".");
        if (!refused.isEmpty()) {
            report.add("Linked but not answering 200 (not timed): " + String.join("; ", refused) + ".");
        }
        report.add("");
        return within;
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }

    /** One route's measurements, from every person who reached it. */
    private static final class Timing {
        final TreeSet<String> people = new TreeSet<>();
        final List<String> urls = new ArrayList<>();
        final List<String> refusals = new ArrayList<>();
        final List<Duration> latencies = new ArrayList<>();
    }

    private static void progress(String message) {
        System.out.println(DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.now()) + " " + message);
    }
}
