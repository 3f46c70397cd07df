package dev.clavis.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.clavis.embedded.EmbeddedDirectory;
import dev.clavis.embedded.EmbeddedDirectoryOptions;
import dev.clavis.embedded.SyntheticOrganization;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How long Clavis takes to sync a large directory, and how much heap it needs for it. Seeds an embedded
 * directory with a synthetic company in this JVM, then starts Clavis once per database on an empty
 * database and measures its first sync and a second, unchanged one. Prints the report and writes it to
 * {@code <results>/sync-<timestamp>.md}; exits 0 when every run completed both syncs, 1 otherwise, 2 on
 * bad arguments. Run it with {@code bench/sync.sh}.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
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
        double loadAtStart = loadAverage();

        var organisation = SyntheticOrganization.of(options.people(), options.groups(), options.memberships(), clock);
        String password = UUID.randomUUID().toString();
        System.err.printf("[bench] seeding the directory: %,d people, %,d groups, %,d memberships%n",
                options.people(), options.groups(), options.memberships());
        long seeding = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        Duration seeded;
        try (EmbeddedDirectory directory = EmbeddedDirectory.start(
                EmbeddedDirectoryOptions.inMemory(password).withSeed(organisation))) {
            seeded = Duration.ofNanos(System.nanoTime() - seeding);
            var measurement = new SyncMeasurement(options, directory.url(), password, clock);
            for (Database database : options.databases()) {
                String run = "sync-" + stamp + "-" + database.name().toLowerCase(Locale.ROOT);
                Path dataDir = Files.createTempDirectory("clavis-bench-");
                try {
                    outcomes.add(measurement.run(database, RunFiles.in(options.resultsDir(), run), dataDir));
                } finally {
                    deleteRecursively(dataDir);
                }
            }
        }
        String report = ResultTable.render(options, String.join(" ", "bench/sync.sh", String.join(" ", args)).strip(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(started.atOffset(ZoneOffset.UTC)),
                machine(loadAtStart, loadAverage()), seeded, outcomes);
        Path file = options.resultsDir().resolve("sync-" + stamp + ".md");
        Files.writeString(file, report);
        System.out.println();
        System.out.print(report);
        System.out.println();
        System.out.println("Written to " + file);
        System.exit(outcomes.stream().allMatch(Outcome::succeeded) ? 0 : 1);
    }

    /** The machine, and how busy it was: other work on the same cores slows every figure down. */
    static String machine(double loadAtStart, double loadAtEnd) {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%d cores, %.1f GiB memory, %s %s, Java %s;"
                        + " load average %.1f at the start, %.1f at the end",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.version"), Runtime.version(),
                loadAtStart, loadAtEnd);
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The H2 database of a run: gigabytes at the full size, worth nothing afterwards. */
    static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
