package dev.clavis.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to start an {@link EmbeddedDirectory}.
 *
 * @param port the port on 127.0.0.1; 0 picks a free one, see {@link EmbeddedDirectory#port()}
 * @param dataDir the folder whose {@code embedded-ldap/} sub-folder keeps the data; null keeps
 *     nothing, every start is a fresh seed (tests)
 * @param adminPassword the password of {@link DirectoryLayout#ADMIN_DN}
 * @param seed the entries of a directory that has no snapshot yet
 */
public record EmbeddedDirectoryOptions(int port, @Nullable Path dataDir, String adminPassword, DirectorySeed seed) {

    /** Clavis's documented default, {@code CLAVIS_EMBEDDED_LDAP_PORT}. */
    public static final int DEFAULT_PORT = 10389;

    /** The sub-folder of {@code dataDir} holding snapshot and journal. */
    public static final String STORAGE_FOLDER = "embedded-ldap";

    public EmbeddedDirectoryOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(adminPassword, "adminPassword");
        if (adminPassword.isBlank()) {
            throw new IllegalArgumentException("the admin password must not be blank");
        }
        Objects.requireNonNull(seed, "seed");
    }

    /** Keeps data in {@code dataDir}, on the default port, seeded with the demo organisation. */
    public static EmbeddedDirectoryOptions persistent(Path dataDir, String adminPassword) {
        Objects.requireNonNull(dataDir, "dataDir");
        return new EmbeddedDirectoryOptions(DEFAULT_PORT, dataDir, adminPassword, DemoOrganization.acme().seed(Clock.systemUTC()));
    }

    /** Keeps nothing, listens on a free port, seeded with the demo organisation. */
    public static EmbeddedDirectoryOptions inMemory(String adminPassword) {
        return new EmbeddedDirectoryOptions(0, null, adminPassword, DemoOrganization.acme().seed(Clock.systemUTC()));
    }

    public EmbeddedDirectoryOptions withPort(int port) {
        return new EmbeddedDirectoryOptions(port, dataDir, adminPassword, seed);
    }

    public EmbeddedDirectoryOptions withSeed(DirectorySeed seed) {
        return new EmbeddedDirectoryOptions(port, dataDir, adminPassword, seed);
    }

    public EmbeddedDirectoryOptions withDataDir(@Nullable Path dataDir) {
        return new EmbeddedDirectoryOptions(port, dataDir, adminPassword, seed);
    }

    public boolean isPersistent() {
        return dataDir != null;
    }

    @Override
    public String toString() {
        return "EmbeddedDirectoryOptions[port=" + port + ", dataDir=" + dataDir + ", adminPassword=****]";
    }
}
