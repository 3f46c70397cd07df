package dev.clavis.bench;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.clavis.embedded.DirectoryLayout;
import dev.clavis.embedded.EmbeddedDirectory;
import dev.clavis.embedded.EmbeddedDirectoryOptions;
import dev.clavis.embedded.SyntheticOrganization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * How long the admin console's pages take with a large directory. Seeds an embedded directory with a
 * synthetic company plus one admin (in {@code clavis-admins}), starts Clavis once per database in demo mode
 * so the admin can use the demo sign-in, waits for its first sync, then loads each admin page
 * {@value #WARM_UP} times to warm up and {@value #MEASURED} times measured, one after another. The figure is
 * the time from sending the request to the last byte of the answer on 127.0.0.1: the server's time plus a
 * loopback round trip. Writes {@code <results>/admin-pages-<timestamp>.md}. Run it with
 * {@code bench/admin-pages.sh}.
 */
public final class AdminPagesBenchmark {

    static final int WARM_UP = 5;
    static final int MEASURED = 30;
    static final String ADMIN_UID = "bench.admin";

    private AdminPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE.replace("bench/sync.sh", "bench/admin-pages.sh"));
            System.exit(2);
            return;
        }
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(started.atOffset(ZoneOffset.UTC));
        Files.createDirectories(options.resultsDir());
        double load = SyncBenchmark.loadAverage();
        String password = UUID.randomUUID().toString();
        var report = new StringBuilder();
        boolean allMeasured = true;
        System.err.printf("[bench] seeding the directory: %,d people, %,d groups, %,d memberships%n",
                options.people(), options.groups(), options.memberships());
        try (EmbeddedDirectory directory = EmbeddedDirectory.start(EmbeddedDirectoryOptions.inMemory(password)
                .withSeed(SyntheticOrganization.of(options.people(), options.groups(), options.memberships(), clock)))) {
            addAdmin(directory.port(), password);
            for (Database database : options.databases()) {
                String run = "admin-pages-" + stamp + "-" + database.name().toLowerCase(Locale.ROOT);
                Path dataDir = Files.createTempDirectory("clavis-bench-");
                try {
                    var pages = measure(options, database, directory.url(), password, dataDir,
                            RunFiles.in(options.resultsDir(), run), clock);
                    report.append(table(database, pages));
                } catch (IOException | IllegalStateException e) {
                    allMeasured = false;
                    report.append("\n").append(database.label()).append(": not measured, ").append(e.getMessage()).append("\n");
                } finally {
                    SyncBenchmark.deleteRecursively(dataDir);
                }
            }
        }
        String text = "# Admin pages\n\n`bench/admin-pages.sh " + String.join(" ", args) + "`, "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(started.atOffset(ZoneOffset.UTC)) + "; "
                + String.format(Locale.ROOT, "%,d people, %,d groups, %,d memberships; ", options.people(), options.groups(),
                        options.memberships())
                + SyncBenchmark.machine(load, SyncBenchmark.loadAverage()) + ".\n\n"
                + "Each page loaded " + WARM_UP + " times to warm up, then " + MEASURED
                + " times one after another; time to the answer's last byte over 127.0.0.1.\n" + report;
        Path file = options.resultsDir().resolve("admin-pages-" + stamp + ".md");
        Files.writeString(file, text);
        System.out.println(text);
        System.out.println("Written to " + file);
        System.exit(allMeasured ? 0 : 1);
    }

    /** The admin is one more person of the company, added to the console's admin group (the company has one). */
    private static void addAdmin(int port, String password) throws Exception {
        try (var ldap = new LDAPConnection("127.0.0.1", port, DirectoryLayout.ADMIN_DN, password)) {
            ldap.add(new Entry(DirectoryLayout.personDn(ADMIN_UID),
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                    new Attribute("uid", ADMIN_UID), new Attribute("cn", "Bench Admin"), new Attribute("sn", "Admin"),
                    new Attribute("displayName", "Bench Admin"), new Attribute("mail", DirectoryLayout.email(ADMIN_UID)),
                    new Attribute("departmentNumber", "IT"), new Attribute("employeeType", "employee")));
            ldap.modify(DirectoryLayout.groupDn("clavis-admins"),
                    new Modification(ModificationType.ADD, "member", DirectoryLayout.personDn(ADMIN_UID)));
        }
    }

    private static Map<String, Latencies> measure(BenchOptions options, Database database, String ldapUrl, String ldapPassword,
            Path dataDir, RunFiles files, Clock clock) throws Exception {
        int port = SyncMeasurement.freePort();
        String token = UUID.randomUUID().toString();
        var environment = SyncMeasurement.overBenchDirectory(ldapUrl, ldapPassword, dataDir, port, token);
        environment.put("CLAVIS_DEMO", "true");
        environment.put("CLAVIS_WEB_DEMO_PEOPLE", DirectoryLayout.email(ADMIN_UID));
        PostgresDatabase postgres = database == Database.POSTGRESQL ? PostgresDatabase.create(clock) : null;
        if (postgres != null) {
            environment.putAll(postgres.environment());
        }
        var api = new ClavisApi(port, token);
        Instant deadline = clock.instant().plus(options.timeout());
        try (postgres; ClavisProcess clavis = ClavisProcess.start(options.clavisJar(), options.clavisHeap(), environment, files)) {
            System.err.println("[bench] " + database.label() + ": Clavis started on port " + port + ", waiting for its first sync");
            while (api.lastSync().isEmpty()) {
                if (clavis.exitCode().isPresent() || clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("Clavis exited or did not finish its first sync in time; see " + clavis.log());
                }
                Thread.sleep(1000);
            }
            var session = ConsoleSession.signIn("http://127.0.0.1:" + port, DirectoryLayout.email(ADMIN_UID));
            String personPath = session.firstLink("/admin/people?q=an", "/admin/people/");
            var results = new LinkedHashMap<String, Latencies>();
            for (String path : List.of("/admin", "/admin/catalog", "/admin/people", "/admin/people?q=an",
                    "/admin/people?q=nobody-is-called-this", "/admin/people?department=Engineering", personPath,
                    "/admin/directory", "/admin/drift", "/admin/integrations", "/admin/tokens")) {
                results.put(path.equals(personPath) ? "/admin/people/{id}" : path, time(() -> session.page(path)));
            }
            String catalog = session.page("/admin/catalog");
            String yaml = ConsoleSession.textareaOf(catalog).replace("name: GitHub", "name: GitHub Enterprise");
            results.put("POST /admin/catalog/preview", time(() -> session.submit("/admin/catalog/preview", catalog,
                    Map.of("yaml", yaml, "basedOn", "1"))));
            return results;
        }
    }

    private interface Load {
        String run() throws Exception;
    }

    private static Latencies time(Load load) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            load.run();
        }
        var latencies = new ArrayList<Duration>();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            load.run();
            latencies.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return Latencies.of(latencies);
    }

    private static String table(Database database, Map<String, Latencies> pages) {
        var table = new StringBuilder("\n## " + database.label() + "\n\n| page | median | p99 | slowest |\n| --- | --- | --- | --- |\n");
        pages.forEach((page, latencies) -> table.append(String.format(Locale.ROOT, "| `%s` | %.1f ms | %.1f ms | %.1f ms |%n", page,
                latencies.p50().toNanos() / 1e6, latencies.p99().toNanos() / 1e6, latencies.max().toNanos() / 1e6)));
        return table.toString();
    }
}
