package dev.clavis.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long Clavis takes to start an access review campaign of a million items, and to record one call's
 * bulk decision on 10,000 of them, on PostgreSQL. Clavis runs as its own process; the directory's copy is
 * then filled straight into Clavis's tables with {@code generate_series} (a sync of that size takes
 * minutes and is measured by {@code bench/sync.sh}): people with managers, groups, and memberships, every
 * one of which the campaign reviews. Everything measured goes through the REST API. Run it with
 * {@code bench/reviews.sh}; the report goes to {@code bench/results/reviews-<timestamp>.md}.
 */
public final class ReviewBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);
    /** The manager whose items are decided, and who signs in to the console's review page. */
    private static final String REVIEWER = "bench.person1@bench.test";
    /** An admin of the embedded directory's demo organisation, for the console's campaign monitor. */
    private static final String ADMIN = "priya.shah@acme.test";

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();
    private String base = "";
    private String token = "";

    private ReviewBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var options = new LinkedHashMap<>(Map.of("people", "100000", "groups", "1000", "per-person", "10", "managers", "50",
                "bulk", "10000", "rounds", "3", "clavis-heap", "1g", "clavis-jar", "app/target/clavis.jar", "results", "bench/results"));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                System.err.println("unknown option " + arg + "; options (with defaults): " + options);
                System.exit(2);
            }
            options.put(pair[0], pair[1]);
        }
        System.exit(new ReviewBenchmark(options).run(String.join(" ", args)) ? 0 : 1);
    }

    private int number(String option) {
        return Integer.parseInt(options.get(option));
    }

    private boolean run(String args) throws Exception {
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(started.atOffset(ZoneOffset.UTC));
        Path results = Path.of(options.get("results"));
        Files.createDirectories(results);
        double loadAtStart = SyncBenchmark.loadAverage();
        Path dataDir = Files.createTempDirectory("clavis-reviews-");
        int port = SyncMeasurement.freePort();
        token = UUID.randomUUID().toString();
        base = "http://127.0.0.1:" + port;
        boolean succeeded = false;
        try (PostgresDatabase postgres = PostgresDatabase.create(clock)) {
            var environment = new LinkedHashMap<String, String>();
            environment.put("CLAVIS_DATA_DIR", dataDir.toString());
            environment.put("CLAVIS_HTTP_PORT", Integer.toString(port));
            environment.put("CLAVIS_EMBEDDED_LDAP_PORT", Integer.toString(SyncMeasurement.freePort()));
            environment.put("CLAVIS_BOOTSTRAP_ADMIN_TOKEN", token);
            environment.put("CLAVIS_SYNC_INTERVAL", "P1D");
            environment.put("CLAVIS_GRANTS_RECONCILE_INTERVAL", "P1D");
            environment.putAll(postgres.environment());
            environment.put("CLAVIS_WEB_DEMO_PEOPLE", REVIEWER + "," + ADMIN);
            RunFiles files = RunFiles.in(results, "reviews-" + stamp);
            try (ClavisProcess clavis = ClavisProcess.start(Path.of(options.get("clavis-jar")), options.get("clavis-heap"), environment, files)) {
                progress("Clavis started (pid " + clavis.pid() + "), waiting until it is ready");
                clavis.awaitReady(http, base);
                measure(postgres);
                succeeded = true;
            }
        } finally {
            SyncBenchmark.deleteRecursively(dataDir);
        }
        String text = "# Access review benchmark, " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(started.atOffset(ZoneOffset.UTC)) + "\n\n"
                + "Command: `bench/reviews.sh " + args + "`  \n"
                + "Machine: " + SyncBenchmark.machine(loadAtStart, SyncBenchmark.loadAverage()) + "  \n"
                + "Clavis: `java -Xmx" + options.get("clavis-heap") + " -jar clavis.jar`, PostgreSQL at 127.0.0.1:5432\n\n"
                + String.join("\n", report) + "\n";
        Path file = results.resolve("reviews-" + stamp + ".md");
        Files.writeString(file, text);
        System.out.println();
        System.out.print(text);
        System.out.println("Written to " + file);
        return succeeded;
    }

    private void measure(PostgresDatabase postgres) throws Exception {
        int people = number("people");
        int groups = number("groups");
        int perPerson = number("per-person");
        if (perPerson > groups) {
            throw new IllegalArgumentException("--per-person must not exceed --groups");
        }
        try (Connection db = DriverManager.getConnection(postgres.url(), PostgresDatabase.USER, PostgresDatabase.password())) {
            long seeded = seed(db, people, groups, perPerson, number("managers"));
            progress("seeded " + people + " people, " + groups + " groups, " + seeded + " memberships");
            report.add("| figure | value |");
            report.add("| --- | ---: |");
            report.add(row("people / groups / memberships in the directory's copy", people + " / " + groups + " / " + seeded));

            var names = new ArrayList<String>();
            for (int g = 1; g <= groups; g++) {
                names.add("bench-group-" + g);
            }
            var definition = Map.of("name", "bench: every membership", "scope", Map.of("groups", names), "reviewers", "manager",
                    "deadline", Instant.now().plus(Duration.ofDays(14)).toString(), "onNoDecision", "keep");
            long t0 = System.nanoTime();
            JsonNode campaign = call("POST", "/api/v1/reviews", JSON.writeValueAsString(definition), 201, token);
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            String id = campaign.get("id").asString();
            long items = campaign.get("items").asLong();
            progress(String.format(Locale.ROOT, "campaign of %d items created and started in %.1f s", items, startSeconds));
            report.add(row("**campaign created and started** (`POST /api/v1/reviews`, reviewer = manager)",
                    String.format(Locale.ROOT, "**%.1f s** for %,d items (%,.0f items/s)", startSeconds, items, items / startSeconds)));

            t0 = System.nanoTime();
            JsonNode progress = call("GET", "/api/v1/reviews/" + id, null, 200, token);
            report.add(row("`GET /api/v1/reviews/{id}` (totals and progress of " + progress.get("progress").size() + " reviewers)",
                    String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - t0) / 1e9)));

            for (String page : new ReviewPagesRun(base).measure(id, REVIEWER, ADMIN)) {
                report.add(page);
            }
            progress("console pages measured");

            String manager = REVIEWER;
            String reviewerToken = call("POST", "/api/v1/tokens", JSON.writeValueAsString(Map.of("person", manager,
                    "scopes", List.of("review"))), 201, token).get("token").asString();
            List<Long> ids = itemsOf(db, id, manager, number("bulk"));
            for (int round = 1; round <= number("rounds"); round++) {
                String decision = round % 2 == 1 ? "revoke" : "keep";
                t0 = System.nanoTime();
                JsonNode decided = call("POST", "/api/v1/reviews/" + id + "/decisions", JSON.writeValueAsString(Map.of(
                        "items", ids, "decision", decision, "comment", "bench round " + round)), 200, reviewerToken);
                double seconds = (System.nanoTime() - t0) / 1e9;
                progress(String.format(Locale.ROOT, "bulk %s of %d items: %.2f s", decision, decided.get("decided").asInt(), seconds));
                report.add(row("**bulk decision, one call** (round " + round + ", " + decision + ")",
                        String.format(Locale.ROOT, "**%.2f s** for %,d items", seconds, decided.get("decided").asInt())));
            }

            t0 = System.nanoTime();
            long bytes = download("/api/v1/reviews/" + id + "/evidence?format=csv");
            report.add(row("evidence CSV streamed (`GET …/evidence?format=csv`, includes verifying the audit chain)",
                    String.format(Locale.ROOT, "%.1f s, %,d bytes", (System.nanoTime() - t0) / 1e9, bytes)));
        }
    }

    /** The copy of a synthetic directory, written the way a sync leaves it, then analyzed as a sync does. */
    static long seed(Connection db, int people, int groups, int perPerson, int managers) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into person (id, external_id, email, display_name, department, title, manager_external_id,
                                        employee_type, status, last_login_at, updated_at)
                    select md5('bench-person-' || i)::uuid, 'bench-person-' || i, 'bench.person' || i || '@bench.test',
                           'Bench Person ' || i, 'Department ' || (i %% 20), 'Engineer',
                           case when i > %d then 'bench-person-' || (1 + i %% %d) end,
                           'employee', 'ACTIVE', now() - ((i %% 200) || ' days')::interval, now()
                    from generate_series(1, %d) as i""".formatted(managers, managers, people));
            sql.execute("""
                    insert into directory_group (id, external_id, name, updated_at)
                    select md5('bench-group-' || g)::uuid, 'bench-group-' || g, 'bench-group-' || g, now()
                    from generate_series(1, %d) as g""".formatted(groups));
            int stride = groups / perPerson;
            long memberships = sql.executeUpdate("""
                    insert into group_membership (group_id, person_id, recorded_at)
                    select md5('bench-group-' || (1 + (i + k * %d) %% %d))::uuid, md5('bench-person-' || i)::uuid, now()
                    from generate_series(1, %d) as i cross join generate_series(0, %d) as k""".formatted(stride, groups, people, perPerson - 1));
            sql.execute("analyze");
            return memberships;
        }
    }

    private static List<Long> itemsOf(Connection db, String campaign, String reviewerEmail, int count) throws SQLException {
        try (var statement = db.prepareStatement("""
                select i.id from review_item i join person p on p.id = i.reviewer_id
                where i.campaign_id = ? and p.email = ? order by i.id limit ?""")) {
            statement.setObject(1, UUID.fromString(campaign));
            statement.setString(2, reviewerEmail);
            statement.setInt(3, count);
            var ids = new ArrayList<Long>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            if (ids.size() < count) {
                throw new IllegalStateException(reviewerEmail + " reviews only " + ids.size() + " items, fewer than --bulk=" + count);
            }
            return ids;
        }
    }

    private JsonNode call(String method, String path, String body, int expected, String bearer) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private long download(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode());
            }
            return body.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static String row(String figure, String value) {
        return "| " + figure + " | " + value + " |";
    }

    private static void progress(String message) {
        System.out.println(DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.now()) + " " + message);
    }
}
