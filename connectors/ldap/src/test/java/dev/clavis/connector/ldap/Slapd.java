package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP slapd, run as a child process from Debian's package with its own configuration in a
 * temporary directory: an mdb database for the Acme suffix on a free loopback port, the core, cosine,
 * inetorgperson and nis schemas, and the ppolicy and lastbind overlays where their modules are
 * installed. Stopped on {@link #close()} and, should the test JVM end first, by a shutdown hook.
 */
final class Slapd implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/slapd");
    static final String DEFAULT_POLICY = "cn=default-policy," + Acme.BASE;
    private static final Path SCHEMAS = Path.of("/etc/ldap/schema");
    private static final Path MODULES = Path.of("/usr/lib/ldap");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Thread killer;
    private final int port;
    private final Path log;

    private Slapd(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.killer = new Thread(process::destroyForcibly, "slapd-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static boolean hasModule(String name) {
        return Files.exists(MODULES.resolve(name + ".la")) || Files.exists(MODULES.resolve(name + ".so"));
    }

    static Slapd start(Path dir) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("slapd.conf");
        Files.write(config, config(dir, data));
        int port = freePort();
        Path log = dir.resolve("slapd.log");
        Process process = new ProcessBuilder(BINARY.toString(), "-f", config.toString(),
                        "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var slapd = new Slapd(process, port, log);
        slapd.awaitListening();
        return slapd;
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** A connection bound as the given entry; refused binds throw. */
    LDAPConnection connect(String dn, String password) throws LDAPException {
        return new LDAPConnection("127.0.0.1", port, dn, password);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(killer);
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (var probe = new LDAPConnection("127.0.0.1", port)) {
                return;
            } catch (LDAPException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("slapd did not listen within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private static List<String> config(Path dir, Path data) {
        var lines = new ArrayList<String>();
        for (String schema : List.of("core", "cosine", "inetorgperson", "nis")) {
            lines.add("include " + SCHEMAS.resolve(schema + ".schema"));
        }
        lines.add("modulepath " + MODULES);
        lines.add("moduleload back_mdb");
        boolean ppolicy = hasModule("ppolicy");
        boolean lastbind = hasModule("lastbind");
        if (ppolicy) {
            lines.add("moduleload ppolicy");
        }
        if (lastbind) {
            lines.add("moduleload lastbind");
        }
        lines.add("pidfile " + dir.resolve("slapd.pid"));
        lines.add("argsfile " + dir.resolve("slapd.args"));
        lines.add("database mdb");
        lines.add("maxsize 67108864");
        lines.add("suffix \"" + Acme.BASE + "\"");
        lines.add("rootdn \"" + Acme.ADMIN + "\"");
        lines.add("rootpw " + Acme.ADMIN_PASSWORD);
        lines.add("directory " + data);
        lines.add("limits dn.exact=\"" + Acme.SERVICE + "\" size=unlimited time=unlimited");
        lines.add("access to attrs=userPassword by self write by anonymous auth by * none");
        lines.add("access to * by dn.exact=\"" + Acme.SERVICE + "\" write by * read");
        // Overlays run last-configured first: ppolicy must see the bind before lastbind records it.
        if (lastbind) {
            lines.add("overlay lastbind");
        }
        if (ppolicy) {
            lines.add("overlay ppolicy");
            lines.add("ppolicy_default \"" + DEFAULT_POLICY + "\"");
        }
        return lines;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
