package dev.clavis.bench;

import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One database's run: Clavis started on a fresh database with its embedded directory, the bench people
 * added to that directory and synced, the bench apps added to the catalog, a token made for everyone; then
 * the measurements, one after the other, and Clavis stopped. Bounded by {@link RequestBenchOptions#timeout()}.
 */
final class RequestRun {

    private static final Duration POLL = Duration.ofMillis(500);

    private final RequestBenchOptions options;
    private final Clock clock;
    private final Database database;
    private final RunFiles files;
    private final Path dataDir;

    private final Setup setup = new Setup();
    private ThroughputRun.@Nullable Result warmup;
    private ThroughputRun.@Nullable Result throughput;
    private @Nullable RawModifies raw;
    private ApprovalRun.@Nullable Result approvals;
    private ExpiryRun.@Nullable Result expiry;

    /** @param dataDir Clavis's data folder: its H2 database and its directory */
    RequestRun(RequestBenchOptions options, Clock clock, Database database, RunFiles files, Path dataDir) {
        this.options = options;
        this.clock = clock;
        this.database = database;
        this.files = files;
        this.dataDir = dataDir;
    }

    /** Times of the preparation, filled in as it goes. */
    private static final class Setup {
        Duration seeding = Duration.ZERO;
        Duration sync = Duration.ZERO;
        Duration tokens = Duration.ZERO;
    }

    /** Runs once; what it measured before a problem stopped it is kept in the outcome. */
    RequestOutcome run() {
        Path recording = options.flightRecording() ? files.clavisLog().resolveSibling(
                files.clavisLog().getFileName().toString().replace("-clavis.log", ".jfr")) : null;
        String problem = null;
        try (PostgresDatabase postgres = database == Database.POSTGRESQL ? PostgresDatabase.create(clock) : null) {
            int port = SyncMeasurement.freePort();
            int ldapPort = SyncMeasurement.freePort();
            String token = UUID.randomUUID().toString();
            Map<String, String> environment = environment(port, ldapPort, token);
            if (postgres != null) {
                environment.putAll(postgres.environment());
            }
            List<String> jvm = recording == null ? List.of()
                    : List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
            try (ClavisProcess clavis = ClavisProcess.start(options.clavisJar(), options.clavisHeap(), jvm, environment, files)) {
                var watch = new RunWatch(clavis, clock.instant().plus(options.timeout()), clock);
                progress("Clavis started (pid " + clavis.pid() + ", port " + port + "), waiting until it is ready");
                var api = new RequestApi(port, token);
                watch.await("Clavis to be ready", POLL, api::ready);
                measure(api, new ClavisApi(port, token), watch, ldapPort, clavis, postgres == null ? null : postgres.name());
            }
        } catch (BenchStopped | IOException | InterruptedException | SQLException | LDAPException e) {
            problem = e.getMessage();
            progress("stopped: " + problem);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return new RequestOutcome(database, problem, new RequestOutcome.Setup(options.people() + options.managers() + 1,
                setup.seeding, setup.sync, setup.tokens), warmup, throughput, raw, approvals, expiry, files, recording);
    }

    private void measure(RequestApi api, ClavisApi admin, RunWatch watch, int ldapPort, ClavisProcess clavis,
            @Nullable String database)
            throws IOException, InterruptedException, LDAPException {
        String password = Files.readString(dataDir.resolve("embedded-ldap.password")).strip();
        try (BenchDirectory directory = BenchDirectory.connect(ldapPort, password, options.concurrency())) {
            long started = System.nanoTime();
            directory.addPeople(options.people(), options.managers(), watch.deadline());
            for (String group : groups()) {
                directory.addGroup(group);
            }
            setup.seeding = since(started);
            progress("added " + options.people() + " people and " + options.managers()
                    + " managers to the directory in " + seconds(setup.seeding) + "; syncing");
            started = System.nanoTime();
            UUID sync = admin.requestSync();
            var finished = new SyncRecord[1];
            watch.await("the directory sync", POLL, () -> {
                finished[0] = admin.sync(sync);
                return finished[0].finished();
            });
            if (!finished[0].succeeded()) {
                throw new BenchStopped("the directory sync failed: " + finished[0].error());
            }
            setup.sync = since(started);
            api.applyCatalog(BenchCatalog.withBenchApps(api.catalog(), options.groups(), options.expiringGroups()));
            started = System.nanoTime();
            BenchTokens tokens = BenchTokens.issue(api, options.askers(), options.deciders(), options.concurrency(),
                    watch.deadline());
            setup.tokens = since(started);
            progress("synced in " + seconds(setup.sync) + ", tokens made in " + seconds(setup.tokens));
            if (options.warmup() > 0) {
                warmup = ThroughputRun.run(api, watch, tokens, person -> BenchCatalog.warmup(person, options.groups()),
                        options.warmup(), options.concurrency(), clavis, database);
                progress(String.format("warm-up: %,d requests, %.1f granted/s", warmup.granted(),
                        warmup.grantedPerSecond()));
            }
            throughput = ThroughputRun.run(api, watch, tokens, person -> BenchCatalog.instant(person, options.groups()),
                    options.requests(), options.concurrency(), clavis, database);
            progress(String.format("throughput: %,d requests, %.1f submitted/s, %.1f granted/s, p50/p99 %s",
                    throughput.granted(), throughput.submittedPerSecond(), throughput.grantedPerSecond(),
                    throughput.endToEnd().p50AndP99()));
            raw = RawModifies.run(directory, options.rawModifies(), options.groups(), watch.deadline());
            progress(String.format("raw LDAP: %.0f adds/s, %.0f deletes/s", raw.adds().perSecond(),
                    raw.deletes().perSecond()));
            if (options.approvals() > 0) {
                approvals = ApprovalRun.run(api, watch, tokens, options.approvals(), options.approvalRate(),
                        options.concurrency());
                progress("approval → GRANTED p50/p99 " + approvals.answerToGranted().p50AndP99());
            }
            if (options.expiring() > 0 && throughput.grantedPerSecond() > 0) {
                expiry = ExpiryRun.run(api, watch, tokens, options.expiring(), options.expiringGroups(), options.expiryBudget(),
                        throughput.grantedPerSecond(), options.concurrency());
                progress("expiry: " + expiry.removed() + " removed, lag p50/p99 " + expiry.lag().p50AndP99());
            }
        }
    }

    private List<String> groups() {
        var groups = new ArrayList<>(BenchCatalog.groups(options.groups(), options.expiringGroups()));
        for (int k = 0; k < options.groups(); k++) {
            groups.add(RawModifies.group(k, options.groups()));
        }
        return groups;
    }

    private Map<String, String> environment(int port, int ldapPort, String token) {
        var environment = new LinkedHashMap<String, String>();
        environment.put("CLAVIS_DATA_DIR", dataDir.toString());
        environment.put("CLAVIS_HTTP_PORT", Integer.toString(port));
        environment.put("CLAVIS_EMBEDDED_LDAP_PORT", Integer.toString(ldapPort));
        environment.put("CLAVIS_BOOTSTRAP_ADMIN_TOKEN", token);
        environment.put("CLAVIS_PROVISIONING_RATE_LIMIT", "0");
        // Nothing scheduled may start in the middle of a measurement: the bench asks for its one sync itself.
        environment.put("CLAVIS_SYNC_INTERVAL", "P1D");
        environment.put("CLAVIS_GRANTS_RECONCILE_INTERVAL", "P1D");
        return environment;
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private void progress(String message) {
        System.err.printf("[bench] %s: %s%n", database.label(), message);
    }
}
