package dev.clavis.connector.keycloak.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Keycloak in dev mode ({@code kc.sh start-dev}) on free loopback ports, with an in-memory
 * database and a bootstrap administrator, run as a child process with a Java 21 or later (Keycloak 26
 * needs one; the tests themselves may run on 17). Starting takes a minute or more on a busy machine, so a
 * test class starts one for all its tests. Its log goes to a file named in every failure.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN = "admin";
    /** Where a Java 21+ is looked for when neither the setting below nor the running JVM is one. */
    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final String JAVA_HOME_PROPERTY = "clavis.keycloak.java-home";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final Path log;
    private final int port;
    private final String adminPassword;
    private final Thread stopper;

    private KeycloakServer(Process process, Path log, int port, String adminPassword) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.adminPassword = adminPassword;
        this.stopper = new Thread(this::stop, "keycloak-stopper");
        Runtime.getRuntime().addShutdownHook(stopper);
    }

    /**
     * Skips the calling test with the reason where Keycloak cannot run here, or fails it where the
     * environment variable {@code CI} is {@code true}: CI must run these tests, not skip them.
     */
    public static void assumeItCanRun() {
        whyItCannotRun().ifPresent(reason -> {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason);
        });
    }

    /** Why no Keycloak can be started here; empty when one can. */
    public static Optional<String> whyItCannotRun() {
        if (!Files.isRegularFile(home().resolve("bin/kc.sh"))) {
            return Optional.of("Keycloak's distribution is not unpacked at " + home()
                    + ": build the keycloak-test-server module with Maven");
        }
        if (javaHome().isEmpty()) {
            String configured = configuredJavaHome();
            return Optional.of("Keycloak " + version() + " needs Java 21 or later: " + (configured != null
                    ? "-D" + JAVA_HOME_PROPERTY + " (or CLAVIS_KEYCLOAK_JAVA_HOME) names " + configured + ", which is not one"
                    : "the running JVM is " + Runtime.version().feature() + " and " + JVMS + " has none; name one with -D"
                            + JAVA_HOME_PROPERTY + " or CLAVIS_KEYCLOAK_JAVA_HOME"));
        }
        return Optional.empty();
    }

    /** Starts a server and waits until it answers; the caller closes it (a shutdown hook stops it should the JVM end first). */
    public static KeycloakServer start() {
        whyItCannotRun().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        try {
            Path log = Files.createTempFile("keycloak-", ".log");
            int port = freePort();
            String password = "admin-" + UUID.randomUUID();
            var command = new ProcessBuilder("/bin/bash", home().resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
                    "--db=dev-mem", "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            command.environment().put("JAVA_HOME", javaHome().orElseThrow().toString());
            command.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            command.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            command.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            var server = new KeycloakServer(command.start(), log, port, password);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak's URL without a realm, as the connector's base-url takes it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Creates a realm ready for the connector, see {@link KeycloakRealm}. */
    public KeycloakRealm createRealm(String name) {
        return KeycloakRealm.create(this, name);
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log
                        + ":\n" + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT + "; see " + log + ":\n" + tail());
    }

    private String tail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static Path home() {
        String configured = System.getProperty("clavis.keycloak.home");
        return Path.of(configured != null ? configured : buildProperties().getProperty("home"));
    }

    static String version() {
        return buildProperties().getProperty("version");
    }

    private static Properties buildProperties() {
        var properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak-test-server.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("keycloak-test-server.properties is missing from the class path", e);
        }
        return properties;
    }

    /** A JDK or JRE of version 21 or later: the configured one, the running one, or the newest in /usr/lib/jvm. */
    static Optional<Path> javaHome() {
        String configured = configuredJavaHome();
        if (configured != null) {
            Path home = Path.of(configured);
            return majorVersion(home) >= 21 ? Optional.of(home) : Optional.empty();
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> jvms = Files.list(JVMS)) {
            return jvms.filter(jvm -> majorVersion(jvm) >= 21)
                    .max(Comparator.comparingInt(KeycloakServer::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String configuredJavaHome() {
        String configured = System.getProperty(JAVA_HOME_PROPERTY, System.getenv("CLAVIS_KEYCLOAK_JAVA_HOME"));
        return configured == null || configured.isBlank() ? null : configured;
    }

    /**
     * The feature version from the JVM's {@code release} file, e.g. 25 for {@code JAVA_VERSION="25.0.1"}; 0 if
     * unknown or if it has no {@code bin/java}.
     */
    private static int majorVersion(Path jvm) {
        if (!Files.isExecutable(jvm.resolve("bin/java"))) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(jvm.resolve("release"))) {
            var release = new Properties();
            release.load(in);
            String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
