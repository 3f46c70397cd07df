package dev.clavis.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import org.jspecify.annotations.Nullable;

/**
 * Where the machine's CPU went during a measurement: Clavis's process, the PostgreSQL server processes
 * serving the run's database (found by the database name in their process title; the server is shared), this
 * benchmark's JVM, and how busy the whole machine was. On two shared cores the throughput is bounded by CPU,
 * so CPU time per request tells what a request costs even when other work on the machine slows the run down.
 * A server process that ends during the measurement takes its CPU time with it; Clavis's pool keeps its
 * connections open, so that is rare.
 */
final class CpuMeter implements AutoCloseable {

    private static final long SAMPLE_MS = 500;

    /** Linux's USER_HZ, the unit of /proc's CPU times, on every architecture this runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /**
     * CPU time of each party during the measurement, and the machine's average load over it (0 to 1).
     *
     * @param clavisCompiling the part of Clavis's CPU time its JIT compiler threads spent: under the benchmark's
     *     load they go on compiling long after a warm-up of thousands of requests
     * @param walFlushes PostgreSQL's WAL flushes meanwhile ({@link PostgresDatabase#walFlushes}); empty on H2
     */
    record Use(Duration wall, Duration clavis, Duration clavisCompiling, Duration postgres, Duration bench,
            double machineBusy, OptionalLong walFlushes) {}

    private final ClavisProcess clavis;
    private final @Nullable String database;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long startNanos = System.nanoTime();
    private final Duration clavisAtStart;
    private final Duration compilingAtStart;
    private final Duration postgresAtStart;
    private final long benchAtStart;
    private final OptionalLong walFlushesAtStart;
    private final DoubleAdder load = new DoubleAdder();
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean running = true;

    private CpuMeter(ClavisProcess clavis, @Nullable String database) {
        this.clavis = clavis;
        this.database = database;
        this.clavisAtStart = cpu(clavis.pid());
        this.compilingAtStart = compiling(clavis.pid());
        this.postgresAtStart = postgres();
        this.benchAtStart = os.getProcessCpuTime();
        this.walFlushesAtStart = walFlushes();
        this.sampler = new Thread(this::sample, "cpu-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** @param database the PostgreSQL database Clavis uses, or null on H2 */
    static CpuMeter start(ClavisProcess clavis, @Nullable String database) {
        return new CpuMeter(clavis, database);
    }

    /** What was used since the start; the meter goes on until closed. */
    Use use() {
        int n = samples.get();
        return new Use(Duration.ofNanos(System.nanoTime() - startNanos), cpu(clavis.pid()).minus(clavisAtStart),
                compiling(clavis.pid()).minus(compilingAtStart), postgres().minus(postgresAtStart),
                Duration.ofNanos(os.getProcessCpuTime() - benchAtStart),
                n == 0 ? 0 : load.sum() / n, since(walFlushesAtStart, walFlushes()));
    }

    private OptionalLong walFlushes() {
        return database == null ? OptionalLong.empty() : PostgresDatabase.walFlushes();
    }

    private static OptionalLong since(OptionalLong start, OptionalLong now) {
        return start.isPresent() && now.isPresent() ? OptionalLong.of(now.getAsLong() - start.getAsLong()) : OptionalLong.empty();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }

    private void sample() {
        while (running) {
            double busy = os.getCpuLoad();
            if (busy >= 0) {
                load.add(busy);
                samples.incrementAndGet();
            }
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException closing) {
                return;
            }
        }
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /**
     * The CPU time of a JVM's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread1}, …),
     * from /proc/<pid>/task/<tid>/stat in clock ticks (utime + stime, fields 14 and 15). HotSpot may stop a
     * compiler thread it no longer needs, taking its time with it, so this is at least what they spent.
     */
    private static Duration compiling(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            long ticks = tasks.mapToLong(CpuMeter::compilerTicks).sum();
            return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | UncheckedIOException gone) {
            return Duration.ZERO;
        }
    }

    private static long compilerTicks(Path task) {
        try {
            if (!Files.readString(task.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
                return 0;
            }
            String stat = Files.readString(task.resolve("stat"));
            // The thread's name, in parentheses, may hold spaces: count the fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException gone) {
            return 0;
        }
    }

    private Duration postgres() {
        if (database == null) {
            return Duration.ZERO;
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(this::servesDatabase)
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * A PostgreSQL backend writes its database into its process title,
     * {@code postgres: 15/main: postgres <database> 127.0.0.1(…) idle}, over its argv, which Linux shows in
     * /proc/<pid>/cmdline (Java's own view of the arguments does not include it).
     */
    private boolean servesDatabase(ProcessHandle process) {
        try {
            String title = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return title.contains(" " + database + " ");
        } catch (IOException | UncheckedIOException gone) {
            return false;
        }
    }
}
