package dev.clavis.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How fast Clavis answers Jira's webhooks: signed {@code jira:issue_created} deliveries from concurrent
 * clients, each timed from sending to Clavis's answer, while Clavis processes the earlier ones (each
 * becomes a request or a refusal to comment on) and Jira is unreachable, so every call to Jira fails and
 * is queued for later. Jira expects an answer within seconds; Clavis aims at 300 ms p99. Run it with
 * {@code bench/jira-webhooks.sh [--deliveries=N] [--concurrency=C]}; exits 0 when every delivery was
 * accepted, 1 otherwise.
 */
public final class JiraWebhookBenchmark {

    private static final String SECRET = "bench-webhook-secret";
    private static final List<String> REPORTERS = List.of("sam.taylor@acme.test", "alex.morgan@acme.test",
            "maria.lopez@acme.test", "priya.shah@acme.test", "daniel.kim@acme.test");

    private JiraWebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int deliveries = Integer.parseInt(options.getOrDefault("deliveries", "2000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        Path jar = Path.of(options.getOrDefault("clavis-jar", "app/target/clavis.jar"));
        Path results = Path.of(options.getOrDefault("results", "bench/results"));
        Clock clock = Clock.systemUTC();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(clock.instant().atOffset(ZoneOffset.UTC));
        Files.createDirectories(results);
        double loadAtStart = SyncBenchmark.loadAverage();
        Path dataDir = Files.createTempDirectory("clavis-jira-bench-");
        int port = SyncMeasurement.freePort();
        String token = UUID.randomUUID().toString();
        var environment = new LinkedHashMap<String, String>();
        environment.put("CLAVIS_DATA_DIR", dataDir.toString());
        environment.put("CLAVIS_HTTP_PORT", Integer.toString(port));
        environment.put("CLAVIS_EMBEDDED_LDAP_PORT", Integer.toString(SyncMeasurement.freePort()));
        environment.put("CLAVIS_BOOTSTRAP_ADMIN_TOKEN", token);
        environment.put("CLAVIS_JIRA_BASE_URL", "http://127.0.0.1:" + SyncMeasurement.freePort());
        environment.put("CLAVIS_JIRA_EMAIL", "clavis@acme.test");
        environment.put("CLAVIS_JIRA_API_TOKEN", "unused");
        environment.put("CLAVIS_JIRA_WEBHOOK_SECRET", SECRET);
        environment.put("CLAVIS_JIRA_PROJECT", "IT");
        environment.put("CLAVIS_JIRA_REQUEST_TYPE", "Request access");
        environment.put("CLAVIS_JIRA_FIELDS_APP", "customfield_10050");
        environment.put("CLAVIS_JIRA_FIELDS_ROLE", "customfield_10051");
        environment.put("CLAVIS_JIRA_FIELDS_DURATION", "customfield_10052");
        List<Duration> warmup = Collections.synchronizedList(new ArrayList<>());
        List<Duration> measured = Collections.synchronizedList(new ArrayList<>());
        List<Integer> refused = Collections.synchronizedList(new ArrayList<>());
        Instant started = clock.instant();
        RunFiles files = RunFiles.in(results, "jira-webhooks-" + stamp);
        try (ClavisProcess clavis = ClavisProcess.start(jar, "1g", environment, files)) {
            var watch = new RunWatch(clavis, clock.instant().plus(Duration.ofMinutes(10)), clock);
            watch.await("Clavis to be ready", Duration.ofMillis(500), new RequestApi(port, token)::ready);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Concurrently.all(Math.min(200, deliveries), concurrency, watch.deadline(),
                    i -> warmup.add(deliver(http, port, -1 - i, refused)));
            Concurrently.all(deliveries, concurrency, watch.deadline(), i -> measured.add(deliver(http, port, i, refused)));
        } finally {
            SyncBenchmark.deleteRecursively(dataDir);
        }
        Latencies latencies = Latencies.of(measured);
        String report = String.format(Locale.ROOT, """
                # Jira webhook answers

                `bench/jira-webhooks.sh %s`, %s. Machine: %s.

                | deliveries | clients | p50 | p99 | max | refused |
                | --- | --- | --- | --- | --- | --- |
                | %d | %d | %s | %s | %s | %d |

                Signed `jira:issue_created` deliveries (a 200-delivery warm-up first), each timed from sending to
                Clavis's answer (`202`), on H2 with the embedded directory, while Clavis processes earlier
                deliveries and Jira is unreachable. Clavis's log: `%s`.
                """, String.join(" ", args), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(started.atOffset(ZoneOffset.UTC)),
                SyncBenchmark.machine(loadAtStart, SyncBenchmark.loadAverage()), latencies.count(), concurrency,
                Latencies.seconds(latencies.p50()), Latencies.seconds(latencies.p99()), Latencies.seconds(latencies.max()),
                refused.size(), files.clavisLog());
        Path file = results.resolve("jira-webhooks-" + stamp + ".md");
        Files.writeString(file, report);
        System.out.print(report);
        System.out.println("Written to " + file);
        System.exit(refused.isEmpty() ? 0 : 1);
    }

    private static Duration deliver(HttpClient http, int port, int index, List<Integer> refused) throws Exception {
        String body = issueCreated(index);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/integrations/jira/webhook"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString())
                .header("X-Hub-Signature", sign(body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long sent = System.nanoTime();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        if (response.statusCode() != 202) {
            refused.add(response.statusCode());
        }
        return took;
    }

    private static String issueCreated(int index) {
        String key = "IT-" + (index + 1_000_000);
        String reporter = REPORTERS.get(Math.floorMod(index, REPORTERS.size()));
        return """
                {"timestamp": %d, "webhookEvent": "jira:issue_created", "issue_event_type_name": "issue_created",
                 "user": {"accountId": "557058:%s", "emailAddress": "%s", "displayName": "%s"},
                 "issue": {"id": "%d", "key": "%s", "fields": {
                   "project": {"key": "IT", "id": "10000"}, "summary": "Access to GitHub",
                   "status": {"name": "Waiting for approval", "statusCategory": {"key": "new"}},
                   "customfield_10010": {"requestType": {"id": "10", "name": "Request access"}},
                   "customfield_10050": {"value": "GitHub"}, "customfield_10051": {"value": "member"},
                   "customfield_10052": {"value": "Permanent"},
                   "reporter": {"accountId": "557058:%s", "emailAddress": "%s", "displayName": "%s"},
                   "creator": {"accountId": "557058:%s", "emailAddress": "%s", "displayName": "%s"}}}}
                """.formatted(System.currentTimeMillis(), reporter, reporter, reporter, index + 1_000_000L, key,
                reporter, reporter, reporter, reporter, reporter, reporter);
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> options(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("usage: bench/jira-webhooks.sh [--deliveries=2000] [--concurrency=8] [--clavis-jar=…] [--results=…]");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
