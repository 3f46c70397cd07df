package dev.clavis.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {

    private static final String PASSWORD = "admin-secret";
    private static final String SAM = DirectoryLayout.personDn("sam.taylor");
    private static final String GITHUB_ADMINS = DirectoryLayout.groupDn("github-admins");
    private static final String AWS_ADMIN = DirectoryLayout.groupDn("aws-admin");

    @TempDir
    Path dataDir;

    @TempDir
    Path crashImage;

    @Test
    void aMemberAddedOverLdapSurvivesCloseAndRestart() throws LDAPException {
        try (var directory = start(dataDir)) {
            addMember(directory, GITHUB_ADMINS, SAM);
        }
        try (var directory = start(dataDir)) {
            assertThat(members(directory, GITHUB_ADMINS)).contains(SAM);
        }
    }

    @Test
    void everyKindOfChangeSurvivesACrash() throws Exception {
        String newcomer = DirectoryLayout.personDn("quinn.newcomer");
        String renamed = DirectoryLayout.groupDn("aws-administrators");
        String addedUuid;
        try (var running = start(dataDir)) {
            try (LDAPConnection connection = running.connectAsAdmin()) {
                connection.add(newcomer,
                        new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                        new Attribute("uid", "quinn.newcomer"), new Attribute("cn", "Quinn Newcomer"),
                        new Attribute("sn", "Newcomer"), new Attribute("mail", "quinn.newcomer@acme.test"));
                connection.modify(GITHUB_ADMINS, new Modification(ModificationType.ADD, "member", SAM, newcomer));
                connection.modify(DirectoryLayout.personDn("victor.hansen"),
                        new Modification(ModificationType.ADD, "pwdAccountLockedTime", "20250601120000Z"));
                connection.delete(DirectoryLayout.groupDn("figma-admins"));
                connection.modifyDN(AWS_ADMIN, "cn=aws-administrators", true);
                addedUuid = connection.getEntry(newcomer, "entryUUID").getAttributeValue("entryUUID");
            }
            // The process dies here: nothing is closed, no snapshot is written. Its files are all that is left.
            copyDataFiles(dataDir, crashImage);
        }

        try (var recovered = start(crashImage); LDAPConnection connection = recovered.connectAsAdmin()) {
            assertThat(connection.getEntry(newcomer, "entryUUID").getAttributeValue("entryUUID")).isEqualTo(addedUuid);
            assertThat(members(recovered, GITHUB_ADMINS)).contains(SAM, newcomer);
            assertThat(connection.getEntry(DirectoryLayout.personDn("victor.hansen"), "pwdAccountLockedTime")
                    .getAttributeValue("pwdAccountLockedTime")).isEqualTo("20250601120000Z");
            assertThat(connection.getEntry(DirectoryLayout.groupDn("figma-admins"))).isNull();
            assertThat(connection.getEntry(AWS_ADMIN)).isNull();
            assertThat(connection.getEntry(renamed)).isNotNull();
        }
    }

    @Test
    void aTornLastJournalRecordIsIgnored() throws Exception {
        try (var running = start(dataDir)) {
            addMember(running, GITHUB_ADMINS, SAM);
            addMember(running, AWS_ADMIN, SAM);
            copyDataFiles(dataDir, crashImage);
        }
        Path journal = storage(crashImage).resolve(DirectoryStore.JOURNAL);
        // The process died while the second record was being written: its last bytes never reached the disk.
        try (var channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 12);
        }

        try (var recovered = start(crashImage)) {
            assertThat(members(recovered, GITHUB_ADMINS)).contains(SAM);
            assertThat(members(recovered, AWS_ADMIN)).doesNotContain(SAM);
        }
        assertThat(Files.readAllLines(journal)).singleElement().asString().startsWith("# clavis embedded directory journal");
    }

    @Test
    void garbageAfterTheLastCompleteRecordIsIgnored() throws Exception {
        try (var running = start(dataDir)) {
            addMember(running, GITHUB_ADMINS, SAM);
            copyDataFiles(dataDir, crashImage);
        }
        Files.writeString(storage(crashImage).resolve(DirectoryStore.JOURNAL),
                "dn: cn=aws-admin,ou=groups,dc=acme,dc=test\nchangetype: modify\nadd: member\nmember: uid=sam.ta\0\0\0",
                StandardOpenOption.APPEND);

        try (var recovered = start(crashImage)) {
            assertThat(members(recovered, GITHUB_ADMINS)).contains(SAM);
            assertThat(members(recovered, AWS_ADMIN)).doesNotContain(SAM).doesNotContain("uid=sam.ta");
        }
    }

    @Test
    void aJournalAlreadyFoldedIntoTheSnapshotIsNotAppliedTwice() throws Exception {
        try (var running = start(dataDir)) {
            addMember(running, GITHUB_ADMINS, SAM);
            copyDataFiles(dataDir, crashImage);
        }
        Path journal = storage(crashImage).resolve(DirectoryStore.JOURNAL);
        byte[] journalBeforeCompaction = Files.readAllBytes(journal);
        start(crashImage).close();
        // As if the process died after the new snapshot was renamed into place but before the journal was reset.
        Files.write(journal, journalBeforeCompaction);

        try (var recovered = start(crashImage)) {
            assertThat(members(recovered, GITHUB_ADMINS)).containsOnlyOnce(SAM);
        }
    }

    @Test
    void concurrentChangesAreAllOnDiskWhenAcknowledged() throws Exception {
        List<String> groups = DemoOrganization.acme().groups().stream()
                .filter(g -> !g.memberUids().contains("sam.taylor")).limit(16).map(DemoGroup::dn).toList();
        var pool = Executors.newFixedThreadPool(8);
        try (var running = start(dataDir)) {
            var tasks = new ArrayList<Callable<Void>>();
            for (String group : groups) {
                tasks.add(() -> {
                    addMember(running, group, SAM);
                    return null;
                });
            }
            for (var future : pool.invokeAll(tasks)) {
                future.get();
            }
            copyDataFiles(dataDir, crashImage);
        } finally {
            pool.shutdownNow();
        }

        try (var recovered = start(crashImage)) {
            for (String group : groups) {
                assertThat(members(recovered, group)).as(group).contains(SAM);
            }
        }
    }

    @Test
    void aPasswordSetOverLdapReachesTheDiskOnlyHashed() throws Exception {
        try (var running = start(dataDir)) {
            try (LDAPConnection connection = running.connectAsAdmin()) {
                connection.modify(SAM, new Modification(ModificationType.REPLACE, "userPassword", "correct-horse-battery"));
            }
            copyDataFiles(dataDir, crashImage);
        }
        assertThat(Files.readString(storage(crashImage).resolve(DirectoryStore.JOURNAL), StandardCharsets.UTF_8))
                .contains("userPassword")
                .doesNotContain("correct-horse-battery");

        try (var recovered = start(crashImage);
                var sam = new LDAPConnection("127.0.0.1", recovered.port(), SAM, "correct-horse-battery")) {
            assertThat(sam.getConnectionStatistics().getNumBindRequests()).isEqualTo(1);
        }
    }

    @Test
    void aSubtreeDeleteIsReplayedAsOne() throws Exception {
        try (var running = start(dataDir)) {
            try (LDAPConnection connection = running.connectAsAdmin()) {
                var delete = new DeleteRequest(DirectoryLayout.GROUPS_DN);
                delete.addControl(new SubtreeDeleteRequestControl());
                connection.delete(delete);
            }
            copyDataFiles(dataDir, crashImage);
        }
        try (var recovered = start(crashImage); LDAPConnection connection = recovered.connectAsAdmin()) {
            assertThat(connection.getEntry(DirectoryLayout.GROUPS_DN)).isNull();
            assertThat(connection.getEntry(SAM)).isNotNull();
        }
    }

    @Test
    void theSeedIsUsedOnlyForAnEmptyDataFolder() throws LDAPException {
        start(dataDir).close();

        try (var directory = EmbeddedDirectory.start(options(dataDir).withSeed(DirectorySeed.empty()));
                LDAPConnection connection = directory.connectAsAdmin()) {
            assertThat(connection.getEntry(SAM)).isNotNull();
        }
    }

    @Test
    void compactionFoldsTheJournalIntoANewSnapshot() throws Exception {
        try (var running = start(dataDir)) {
            addMember(running, GITHUB_ADMINS, SAM);
            running.compact();

            assertThat(Files.readAllLines(storage(dataDir).resolve(DirectoryStore.JOURNAL))).hasSize(1);
            assertThat(Files.readString(storage(dataDir).resolve(DirectoryStore.SNAPSHOT)))
                    .startsWith("# clavis embedded directory snapshot, journal generation 2\n");
            assertThat(storage(dataDir).resolve("snapshot.ldif.tmp")).doesNotExist();
            copyDataFiles(dataDir, crashImage);
        }
        try (var recovered = start(crashImage)) {
            assertThat(members(recovered, GITHUB_ADMINS)).contains(SAM);
        }
    }

    @Test
    void aSecondDirectoryOnTheSameDataFolderIsRefused() {
        try (var first = start(dataDir)) {
            assertThatThrownBy(() -> start(dataDir))
                    .isInstanceOf(EmbeddedDirectoryException.class)
                    .hasMessageContaining("another embedded directory is using");
            assertThat(first.port()).isPositive();
        }
    }

    @Test
    void theAdminPasswordFileKeepsItsPasswordAcrossStarts() throws IOException {
        String first = AdminPasswordFile.loadOrCreate(dataDir);
        String second = AdminPasswordFile.loadOrCreate(dataDir);

        assertThat(first).hasSizeGreaterThanOrEqualTo(24).isEqualTo(second);
        assertThat(Files.readString(dataDir.resolve(AdminPasswordFile.FILE_NAME)).strip()).isEqualTo(first);
    }

    private static EmbeddedDirectory start(Path dataDir) {
        return EmbeddedDirectory.start(options(dataDir));
    }

    private static EmbeddedDirectoryOptions options(Path dataDir) {
        return EmbeddedDirectoryOptions.persistent(dataDir, PASSWORD).withPort(0);
    }

    private static Path storage(Path dataDir) {
        return dataDir.resolve(EmbeddedDirectoryOptions.STORAGE_FOLDER);
    }

    private static void addMember(EmbeddedDirectory directory, String group, String member) throws LDAPException {
        try (LDAPConnection connection = directory.connectAsAdmin()) {
            connection.modify(group, new Modification(ModificationType.ADD, "member", member));
        }
    }

    private static List<String> members(EmbeddedDirectory directory, String group) throws LDAPException {
        try (LDAPConnection connection = directory.connectAsAdmin()) {
            var entry = connection.getEntry(group, "member");
            assertThat(entry).as(group).isNotNull();
            return entry.hasAttribute("member") ? List.of(entry.getAttributeValues("member")) : List.of();
        }
    }

    /** What a crash leaves: the files as they are on disk now, without the lock of the running process. */
    private static void copyDataFiles(Path from, Path to) throws IOException {
        Files.createDirectories(storage(to));
        for (String file : List.of(DirectoryStore.SNAPSHOT, DirectoryStore.JOURNAL)) {
            Files.copy(storage(from).resolve(file), storage(to).resolve(file));
        }
    }
}
