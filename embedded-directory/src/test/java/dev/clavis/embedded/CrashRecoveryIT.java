package dev.clavis.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory process killed with SIGKILL keeps every change it acknowledged. */
class CrashRecoveryIT {

    private static final String PASSWORD = "admin-secret";
    private static final String SAM = DirectoryLayout.personDn("sam.taylor");

    @TempDir
    Path dataDir;

    @Test
    void changesAcknowledgedBeforeAKillNineAreThereAfterRestart() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DirectoryProcess.class.getName(), dataDir.toString(), PASSWORD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            int port = awaitPort(process);
            try (var connection = new LDAPConnection("127.0.0.1", port, DirectoryLayout.ADMIN_DN, PASSWORD)) {
                for (String group : List.of("github-admins", "aws-admin", "payments-admin")) {
                    connection.modify(DirectoryLayout.groupDn(group), new Modification(ModificationType.ADD, "member", SAM));
                }
                connection.modify(DirectoryLayout.groupDn("github-members"),
                        new Modification(ModificationType.DELETE, "member", SAM));
            }
        } finally {
            // SIGKILL on Unix: no shutdown hook, no close, no final snapshot.
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (var directory = EmbeddedDirectory.start(EmbeddedDirectoryOptions.persistent(dataDir, PASSWORD).withPort(0));
                LDAPConnection connection = directory.connectAsAdmin()) {
            for (String group : List.of("github-admins", "aws-admin", "payments-admin")) {
                assertThat(connection.getEntry(DirectoryLayout.groupDn(group), "member").getAttributeValues("member"))
                        .as(group).contains(SAM);
            }
            assertThat(connection.getEntry(DirectoryLayout.groupDn("github-members"), "member").getAttributeValues("member"))
                    .doesNotContain(SAM);
        }
    }

    private static int awaitPort(Process process) throws Exception {
        var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring("PORT ".length()).strip());
            }
        }
        throw new AssertionError("the directory process ended before listening (exit " + process.waitFor() + ")");
    }
}
