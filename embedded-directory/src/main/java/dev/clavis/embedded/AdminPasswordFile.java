package dev.clavis.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The generated admin password, kept in {@code <dataDir>/embedded-ldap.password} so that it stays
 * the same across restarts and a person can use it with ldapsearch. Only used when
 * {@code CLAVIS_EMBEDDED_LDAP_PASSWORD} is not set.
 */
public final class AdminPasswordFile {

    public static final String FILE_NAME = "embedded-ldap.password";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminPasswordFile() {
    }

    /** The password in the file, or a new random one written there first (readable by the owner only). */
    public static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!existing.isEmpty()) {
                    return existing;
                }
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path temp = dataDir.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return password;
        } catch (IOException e) {
            throw new EmbeddedDirectoryException("cannot read or create the admin password file " + file
                    + ": " + e.getMessage() + "; set CLAVIS_EMBEDDED_LDAP_PASSWORD instead", e);
        }
    }
}
