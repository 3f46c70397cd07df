package dev.clavis.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.clavis.embedded.DirectoryLayout;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One Clavis run against the benchmark's directory: start Clavis on a new, empty database, let it sync at
 * start (its first start waits for that sync), ask for a second sync of the unchanged directory, stop it.
 * The run is bounded by {@link BenchOptions#timeout()}; a Clavis that exits, fails a sync or runs out of
 * time is stopped and reported, never waited for.
 */
final class SyncMeasurement {

    private static final Duration POLL = Duration.ofMillis(500);

    private final BenchOptions options;
    private final String ldapUrl;
    private final String ldapPassword;
    private final Clock clock;

    SyncMeasurement(BenchOptions options, String ldapUrl, String ldapPassword, Clock clock) {
        this.options = options;
        this.ldapUrl = ldapUrl;
        this.ldapPassword = ldapPassword;
        this.clock = clock;
    }

    Outcome run(Database database, RunFiles files, Path dataDir) throws IOException, InterruptedException, SQLException {
        int port = freePort();
        String token = UUID.randomUUID().toString();
        var api = new ClavisApi(port, token);
        Map<String, String> environment = environment(port, token, dataDir);
        PostgresDatabase postgres = database == Database.POSTGRESQL ? PostgresDatabase.create(clock) : null;
        if (postgres != null) {
            environment.putAll(postgres.environment());
        }
        Instant deadline = clock.instant().plus(options.timeout());
        SyncRecord first = null;
        SyncRecord second = null;
        Duration directoryCpuFirst = Duration.ZERO;
        Duration directoryCpuSecond = Duration.ZERO;
        String problem;
        var sampler = HeapSampler.start(api);
        try (postgres; sampler;
                ClavisProcess clavis = ClavisProcess.start(options.clavisJar(), options.clavisHeap(), environment, files)) {
            progress(database, "Clavis started on port " + port + ", waiting for its first sync");
            long cpu = cpuNanos();
            first = await(clavis, deadline, api::lastSync, api::currentSync);
            directoryCpuFirst = Duration.ofNanos(cpuNanos() - cpu);
            progress(database, "first sync " + first.status() + " in " + first.durationMs() + " ms");
            if (first.succeeded()) {
                cpu = cpuNanos();
                UUID id = api.requestSync();
                second = await(clavis, deadline, () -> Optional.of(api.sync(id)).filter(SyncRecord::finished),
                        () -> Optional.of(api.sync(id)));
                directoryCpuSecond = Duration.ofNanos(cpuNanos() - cpu);
                progress(database, "second sync " + second.status() + " in " + second.durationMs() + " ms");
            }
            problem = problem(first, second);
        } catch (Stopped | IOException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            progress(database, problem);
        }
        return new Outcome(database, problem, first, second, sampler.maxBytes(), sampler.samples(),
                GcLog.read(files.gcLog()), directoryCpuFirst, directoryCpuSecond, files);
    }

    private Map<String, String> environment(int port, String token, Path dataDir) {
        var environment = overBenchDirectory(ldapUrl, ldapPassword, dataDir, port, token);
        environment.put("CLAVIS_DEMO", "false");
        return environment;
    }

    /**
     * The settings of a Clavis that reads the benchmark's synthetic directory over LDAP, on this port, with
     * this bootstrap token; its scheduled sync waits a day, so none starts in the middle of a measurement.
     */
    static Map<String, String> overBenchDirectory(String ldapUrl, String ldapPassword, Path dataDir, int port, String token) {
        var environment = new LinkedHashMap<String, String>();
        environment.put("CLAVIS_DIRECTORY", "ldap");
        environment.put("CLAVIS_LDAP_URL", ldapUrl);
        environment.put("CLAVIS_LDAP_BIND_DN", DirectoryLayout.ADMIN_DN);
        environment.put("CLAVIS_LDAP_PASSWORD", ldapPassword);
        environment.put("CLAVIS_LDAP_BASE_DN", DirectoryLayout.BASE_DN);
        environment.put("CLAVIS_LDAP_PEOPLE_BASE", DirectoryLayout.PEOPLE_DN);
        environment.put("CLAVIS_LDAP_GROUPS_BASE", DirectoryLayout.GROUPS_DN);
        environment.put("CLAVIS_DATA_DIR", dataDir.toString());
        environment.put("CLAVIS_HTTP_PORT", Integer.toString(port));
        environment.put("CLAVIS_BOOTSTRAP_ADMIN_TOKEN", token);
        environment.put("CLAVIS_SYNC_INTERVAL", "P1D");
        return environment;
    }

    private static @Nullable String problem(SyncRecord first, @Nullable SyncRecord second) {
        if (!first.succeeded()) {
            return "the first sync failed: " + first.error();
        }
        if (second != null && !second.succeeded()) {
            return "the second sync failed: " + second.error();
        }
        return null;
    }

    /** Polls until {@code finished} answers, Clavis exits, or the deadline passes. */
    private SyncRecord await(ClavisProcess clavis, Instant deadline, Poll finished, Poll current)
            throws InterruptedException, IOException {
        while (true) {
            Optional<SyncRecord> done = finished.get();
            if (done.isPresent()) {
                return done.get();
            }
            if (clavis.exitCode().isPresent()) {
                throw new Stopped("Clavis exited with code " + clavis.exitCode().getAsInt() + " (see "
                        + clavis.log() + ")");
            }
            if (clock.instant().isAfter(deadline)) {
                throw new Stopped("stopped after " + options.timeout() + ": the sync had not finished ("
                        + current.get().map(SyncRecord::progress).orElse("no sync running") + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    @FunctionalInterface
    private interface Poll {
        Optional<SyncRecord> get() throws IOException, InterruptedException;
    }

    /**
     * CPU time of this JVM so far. It is the embedded directory that works here during a sync (the
     * sampler and the polling cost little), so the difference tells the directory's share of a sync.
     */
    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A port free now; Clavis takes it a moment later, and a clash would show as Clavis failing to start. */
    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static void progress(Database database, String message) {
        System.err.printf("[bench] %s: %s%n", database.label(), message);
    }

    /** A run that ended before both syncs finished; the message says why. */
    private static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message);
        }
    }
}
