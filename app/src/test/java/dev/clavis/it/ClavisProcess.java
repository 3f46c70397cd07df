package dev.clavis.it;

import dev.clavis.support.Api;
import dev.clavis.support.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Clavis as a user runs it: {@code java -jar target/clavis.jar} in a process of its own, configured
 * only through its environment variables, so a test can kill it as hard as a crash would.
 */
final class ClavisProcess implements AutoCloseable {

    static final String ADMIN_TOKEN = "jar-it-admin-token-0123456789";

    private final Path dataDir;
    private final int httpPort = FreePorts.next();
    private final int ldapPort = FreePorts.next();
    private final Map<String, String> extraEnvironment;
    private Process process;

    ClavisProcess(Path dataDir, Map<String, String> extraEnvironment) {
        this.dataDir = dataDir;
        this.extraEnvironment = extraEnvironment;
    }

    /**
     * Starts Clavis and answers how long it took to be ready: healthy, with its start-up work (first
     * sync, catalog) done, which is what readiness reports.
     */
    Duration start() throws IOException, InterruptedException {
        Path jar = Path.of("target", "clavis.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with ./mvnw verify, which packages it first");
        }
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLAVIS_"));
        builder.environment().putAll(Map.of(
                "CLAVIS_DATA_DIR", dataDir.toString(),
                "CLAVIS_HTTP_PORT", String.valueOf(httpPort),
                "CLAVIS_EMBEDDED_LDAP_PORT", String.valueOf(ldapPort),
                "CLAVIS_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN));
        builder.environment().putAll(extraEnvironment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("clavis.log").toFile()));
        long started = System.nanoTime();
        process = builder.start();
        var api = new Api(httpPort, null);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Clavis exited with " + process.exitValue() + "; see " + dataDir.resolve("clavis.log"));
            }
            try {
                if (api.get("/actuator/health/readiness").body().contains("\"status\":\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            if (Duration.ofNanos(System.nanoTime() - started).toSeconds() > 120) {
                throw new IllegalStateException("Clavis was not healthy after 120 s; see " + dataDir.resolve("clavis.log"));
            }
            Thread.sleep(100);
        }
    }

    /** Ends the process at once, as a power cut or an OOM kill would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    Api api() {
        return new Api(httpPort, ADMIN_TOKEN);
    }

    int ldapPort() {
        return ldapPort;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
