package dev.clavis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast Clavis turns access requests into directory memberships and takes them away again: auto-approved
 * requests per second end to end, approval to membership latency, many grants expiring at once, and
 * Clavis's membership changes against raw LDAP modifies of the same directory. Runs Clavis once per database
 * as its own process. Prints the report and writes it to {@code <results>/requests-<timestamp>.md}; exits 0
 * when every run did everything, 1 otherwise, 2 on bad arguments. Run it with {@code bench/requests.sh}.
 */
public final class RequestBenchmark {

    private RequestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RequestBenchOptions options;
        try {
            options = RequestBenchOptions.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println(RequestBenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.clavisJar())) {
            System.err.println(options.clavisJar() + " is missing: build it with ./mvnw -q -DskipTests package -pl app -am");
            System.exit(2);
        }
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(started.atOffset(ZoneOffset.UTC));
        Files.createDirectories(options.resultsDir());
        double loadAtStart = SyncBenchmark.loadAverage();
        List<RequestOutcome> outcomes = new ArrayList<>();
        for (Database database : options.databases()) {
            String run = "requests-" + stamp + "-" + database.name().toLowerCase(Locale.ROOT);
            Path dataDir = Files.createTempDirectory("clavis-requests-");
            try {
                outcomes.add(new RequestRun(options, clock, database, RunFiles.in(options.resultsDir(), run), dataDir).run());
            } finally {
                SyncBenchmark.deleteRecursively(dataDir);
            }
        }
        String report = RequestReport.render(options, "bench/requests.sh " + String.join(" ", args),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(started.atOffset(ZoneOffset.UTC)),
                SyncBenchmark.machine(loadAtStart, SyncBenchmark.loadAverage())
                        + (options.databases().contains(Database.POSTGRESQL) ? "; PostgreSQL's autovacuum "
                                + PostgresDatabase.setting("autovacuum") : ""), outcomes);
        Path file = options.resultsDir().resolve("requests-" + stamp + ".md");
        Files.writeString(file, report);
        System.out.println();
        System.out.print(report);
        System.out.println();
        System.out.println("Written to " + file);
        System.exit(outcomes.stream().allMatch(RequestOutcome::succeeded) ? 0 : 1);
    }
}
