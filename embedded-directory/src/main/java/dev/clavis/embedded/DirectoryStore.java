package dev.clavis.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.controls.PermissiveModifyRequestControl;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFAddChangeRecord;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFDeleteChangeRecord;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFModifyDNChangeRecord;
import com.unboundid.ldif.LDIFWriter;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The files of one embedded directory: {@code snapshot.ldif}, the whole directory as of the last
 * compaction, and {@code journal.ldif}, the changes since. Holds an exclusive lock on the folder so
 * two processes never write the same journal.
 *
 * <p>Compaction writes a new snapshot beside the old one and renames it into place, then resets
 * the journal. The snapshot names the journal generation that follows it, so a crash between the
 * rename and the reset leaves a journal the next start recognises as already included.
 */
final class DirectoryStore implements Closeable {

    static final String SNAPSHOT = "snapshot.ldif";
    static final String JOURNAL = "journal.ldif";
    private static final String SNAPSHOT_TEMP = "snapshot.ldif.tmp";
    private static final String LOCK = "lock";

    private static final String SNAPSHOT_HEADER = "clavis embedded directory snapshot, journal generation ";
    private static final Pattern SNAPSHOT_HEADER_PATTERN =
            Pattern.compile("# clavis embedded directory snapshot, journal generation (\\d+)");

    // Beyond this the journal is folded into a new snapshot while running, so a restart stays quick.
    private static final long COMPACT_AFTER_BYTES = 64L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(DirectoryStore.class.getName());

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private long generation;
    private @Nullable Journal journal;

    private DirectoryStore(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static DirectoryStore open(Path directory) {
        try {
            Files.createDirectories(directory);
            var channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new EmbeddedDirectoryException("another embedded directory is using " + directory
                        + "; stop it, or give this one a different data folder");
            }
            // Left by a compaction that died before its rename; the snapshot beside it is intact.
            Files.deleteIfExists(directory.resolve(SNAPSHOT_TEMP));
            return new DirectoryStore(directory, channel, lock);
        } catch (IOException e) {
            throw new EmbeddedDirectoryException("cannot use " + directory + " for the embedded directory: " + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    /**
     * Loads the snapshot and replays the journal into {@code server}, then compacts if the journal
     * held anything.
     *
     * @return false when there is no snapshot yet: the caller seeds the server and calls {@link #compact}
     */
    boolean load(InMemoryDirectoryServer server, Schema schema) {
        Path snapshot = directory.resolve(SNAPSHOT);
        if (!Files.exists(snapshot)) {
            return false;
        }
        try {
            generation = readGeneration(snapshot);
            int entries = server.importFromLDIF(true, snapshot.toFile());
            var replay = Journal.replay(directory.resolve(JOURNAL), generation, schema,
                    (record, line) -> apply(server, record, line));
            LOG.log(Level.INFO, "embedded directory loaded {0} entries from {1} and replayed {2} journal records",
                    entries, snapshot, replay.applied());
            if (replay.discardedLines() > 0) {
                LOG.log(Level.WARNING, "the embedded directory journal ended with {0} lines of an incomplete change "
                        + "(the process stopped while writing it; the change was never acknowledged); dropped them",
                        replay.discardedLines());
            }
            if (replay.changedAnything()) {
                compact(server);
            } else {
                journal = Journal.open(directory.resolve(JOURNAL), generation);
            }
            return true;
        } catch (LDAPException e) {
            throw new EmbeddedDirectoryException("the snapshot " + snapshot + " cannot be loaded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EmbeddedDirectoryException("the embedded directory in " + directory + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the whole directory to a new snapshot and empties the journal. The caller keeps
     * writers out (it holds the write order, or the server is not listening).
     */
    void compact(InMemoryDirectoryServer server) throws IOException {
        long next = generation + 1;
        Path temp = directory.resolve(SNAPSHOT_TEMP);
        try (var out = new FileOutputStream(temp.toFile())) {
            // Written before the LDIF writer exists: its comments wrap at the terminal width.
            out.write(("# " + SNAPSHOT_HEADER + next + "\n").getBytes(StandardCharsets.US_ASCII));
            var writer = new LDIFWriter(out);
            // Streams entry by entry out of the server under its read lock: no second copy of the data.
            server.exportToLDIF(writer, false, true, false);
            writer.flush();
            out.getChannel().force(true);
        } catch (LDAPException e) {
            throw new IOException("the directory could not be written to " + temp + ": " + e.getMessage(), e);
        }
        Files.move(temp, directory.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        generation = next;
        if (journal == null) {
            journal = Journal.open(directory.resolve(JOURNAL), generation);
        }
        journal.reset(generation);
    }

    /** See {@link Journal#append}; the caller holds the write order. */
    long append(LDIFChangeRecord record) throws IOException {
        return openJournal().append(record);
    }

    void awaitDurable(long sequence) throws IOException {
        openJournal().awaitDurable(sequence);
    }

    boolean journalIsLarge() throws IOException {
        return openJournal().size() > COMPACT_AFTER_BYTES;
    }

    @Override
    public void close() throws IOException {
        try {
            if (journal != null) {
                journal.close();
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private Journal openJournal() {
        if (journal == null) {
            throw new IllegalStateException("the journal is opened by load or compact");
        }
        return journal;
    }

    private static long readGeneration(Path snapshot) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(snapshot, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            var match = first == null ? null : SNAPSHOT_HEADER_PATTERN.matcher(first);
            if (match == null || !match.matches()) {
                // Not written by us (a hand-made LDIF): load it, but no journal can belong to it.
                return 0;
            }
            return Long.parseLong(match.group(1));
        }
    }

    private static void apply(InMemoryDirectoryServer server, LDIFChangeRecord record, int line) {
        // Internal operations: they bypass the journaling interceptor and keep entryUUID and other
        // operational attributes exactly as the journal recorded them.
        try {
            if (record instanceof LDIFAddChangeRecord add) {
                server.add(add.toAddRequest());
            } else if (record instanceof LDIFModifyChangeRecord modify) {
                // The original may have been permissive; replayed onto the same state it succeeds either way.
                ModifyRequest request = modify.toModifyRequest();
                request.addControl(new PermissiveModifyRequestControl());
                server.modify(request);
            } else if (record instanceof LDIFDeleteChangeRecord delete) {
                server.delete(delete.toDeleteRequest());
            } else if (record instanceof LDIFModifyDNChangeRecord modifyDn) {
                server.modifyDN(modifyDn.toModifyDNRequest());
            } else {
                throw new EmbeddedDirectoryException("journal line " + line + ": unsupported change " + record);
            }
        } catch (LDAPException e) {
            throw new EmbeddedDirectoryException("the journal record ending at line " + line + " (" + record.getChangeType()
                    + " " + record.getDN() + ") does not apply to the snapshot: " + e.getMessage()
                    + "; the journal and snapshot disagree. Move journal.ldif away to start from the snapshot alone", e);
        }
    }

    private void syncDirectory() {
        // Makes the rename itself durable. Linux allows fsync on a directory; where a platform
        // refuses, the rename is still atomic, only its durability waits for the file system.
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot fsync directory {0}: {1}", directory, e.getMessage());
        }
    }
}
