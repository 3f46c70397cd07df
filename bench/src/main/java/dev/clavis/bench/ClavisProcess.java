package dev.clavis.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Clavis started as {@code java -Xmx<heap> -jar clavis.jar}, configured only by environment variables,
 * with a GC log and a heap dump on running out of memory. Closing it stops it gracefully, forcibly if it
 * does not stop within a minute; it is also stopped when the benchmark's JVM exits, however that happens.
 */
final class ClavisProcess implements AutoCloseable {

    private static final long STOP_GRACE_SECONDS = 60;

    private final Process process;
    private final Thread stopOnExit;
    private final Path log;

    private ClavisProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-clavis");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * @param environment Clavis's whole configuration; CLAVIS_* variables of the caller's own environment
     *     are not passed on, so a setting in the shell cannot change what is measured
     * @param files where the process log, the GC log and a heap dump go
     */
    static ClavisProcess start(Path jar, String heap, Map<String, String> environment, RunFiles files)
            throws IOException {
        return start(jar, heap, List.of(), environment, files);
    }

    /**
     * @param jvmOptions further options for Clavis's JVM, such as a flight recording of the run
     */
    static ClavisProcess start(Path jar, String heap, List<String> jvmOptions, Map<String, String> environment,
            RunFiles files) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Xlog:gc*:file=" + files.gcLog(),
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + files.heapDump(),
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(files.clavisLog().toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLAVIS_"));
        builder.environment().putAll(environment);
        return new ClavisProcess(builder.start(), files.clavisLog());
    }

    /** The exit code once it has ended by itself. */
    /** Waits until Clavis at {@code base} reports itself ready, for at most five minutes. */
    void awaitReady(HttpClient http, String base) throws InterruptedException {
        Instant give = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(give)) {
            if (exitCode().isPresent()) {
                throw new IllegalStateException("Clavis exited with " + exitCode().getAsInt() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Clavis was not ready within 5 minutes; see " + log);
    }

    OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    Path log() {
        return log;
    }

    /** The process id, for {@code jcmd} and {@code jstack} while it runs. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already exiting: the hook runs anyway and finds the process gone.
        }
    }
}
