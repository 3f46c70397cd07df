package dev.clavis.embedded;

import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The changes made since the last snapshot, as LDIF change records appended to one file.
 *
 * <p>The file stays valid LDIF (ldapmodify can read it), with two kinds of comment lines that
 * LDIF tools skip: a header naming the generation of the snapshot the changes apply to, and after
 * every record an end line with the CRC-32 of the record's lines. A record without a complete,
 * matching end line was being written when the process died; it was never acknowledged to a
 * client, so it and anything after it are dropped.
 *
 * <p>Appending and syncing are separate steps so that concurrent writers share one fsync (group
 * commit): a writer appends while it holds the write order, releases it, then waits until
 * {@link #awaitDurable} has forced its record to disk.
 */
final class Journal implements Closeable {

    private static final String HEADER = "# clavis embedded directory journal, generation ";
    private static final Pattern HEADER_PATTERN = Pattern.compile("# clavis embedded directory journal, generation (\\d+)");
    private static final String END = "# end crc32 ";
    private static final Pattern END_PATTERN = Pattern.compile("# end crc32 ([0-9a-f]{8})");

    private final FileChannel channel;
    private final AtomicLong appended = new AtomicLong();
    private final Object syncMonitor = new Object();
    private long durable;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens the journal for appending; a missing or empty file gets a header for {@code generation}. */
    static Journal open(Path path, long generation) throws IOException {
        var channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            var journal = new Journal(channel);
            if (channel.size() == 0) {
                journal.reset(generation);
            } else {
                channel.position(channel.size());
            }
            return journal;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Empties the journal and starts it over for the snapshot of {@code generation}. */
    void reset(long generation) throws IOException {
        channel.truncate(0);
        channel.position(0);
        write((HEADER + generation + "\n").getBytes(StandardCharsets.US_ASCII));
        channel.force(true);
    }

    /**
     * Writes a record without forcing it to disk. The caller holds the write order, so records
     * appear in the order the server applied them.
     *
     * @return the record's sequence number, for {@link #awaitDurable}
     */
    long append(LDIFChangeRecord record) throws IOException {
        write(encode(record));
        return appended.incrementAndGet();
    }

    /** Returns once the record with this sequence number, and all before it, are on disk. */
    void awaitDurable(long sequence) throws IOException {
        synchronized (syncMonitor) {
            if (durable >= sequence) {
                return;
            }
            // Everything appended so far is covered by this force, not only the caller's record.
            long covered = appended.get();
            channel.force(false);
            durable = covered;
        }
    }

    long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void write(byte[] bytes) throws IOException {
        var buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    static byte[] encode(LDIFChangeRecord record) {
        var text = new StringBuilder(256);
        var crc = new CRC32();
        for (String line : record.toLDIF()) {
            String terminated = line + "\n";
            crc.update(terminated.getBytes(StandardCharsets.UTF_8));
            text.append(terminated);
        }
        text.append(END).append(String.format("%08x", crc.getValue())).append("\n\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Applies the complete records of the journal at {@code path} if it belongs to the snapshot of
     * {@code generation}.
     */
    static Replay replay(Path path, long generation, Schema schema, RecordConsumer consumer) throws IOException {
        if (!Files.exists(path) || Files.size(path) == 0) {
            return new Replay(0, 0, false);
        }
        // A decoder that replaces malformed bytes: a torn tail may hold anything, and must fail its CRC, not the read.
        try (var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            var headerMatch = header == null ? null : HEADER_PATTERN.matcher(header);
            if (headerMatch == null || !headerMatch.matches()) {
                // Only a reset torn before its header was complete leaves this; such a journal holds no records.
                return new Replay(0, countLines(reader) + 1, false);
            }
            long journalGeneration = Long.parseLong(headerMatch.group(1));
            if (journalGeneration < generation) {
                // The snapshot was written, but the process died before the journal was reset: already included.
                return new Replay(0, countLines(reader), true);
            }
            if (journalGeneration > generation) {
                throw new EmbeddedDirectoryException("the journal " + path + " is generation " + journalGeneration
                        + " but the snapshot beside it is generation " + generation
                        + "; the snapshot was replaced by an older one. Restore the matching snapshot or move the journal away");
            }
            return applyRecords(reader, path, schema, consumer);
        }
    }

    private static Replay applyRecords(BufferedReader reader, Path path, Schema schema, RecordConsumer consumer)
            throws IOException {
        var lines = new ArrayList<String>();
        var crc = new CRC32();
        int applied = 0;
        int lineNumber = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isEmpty() && lines.isEmpty()) {
                continue;
            }
            var end = END_PATTERN.matcher(line);
            if (end.matches()) {
                if (lines.isEmpty() || !String.format("%08x", crc.getValue()).equals(end.group(1))) {
                    return new Replay(applied, lines.size() + 1 + countLines(reader), false);
                }
                consumer.accept(decode(lines, schema, path, lineNumber), lineNumber);
                applied++;
                lines.clear();
                crc.reset();
            } else if (line.isEmpty() || line.startsWith(END)) {
                // A blank line inside a record, or a mangled end line: the record was torn.
                return new Replay(applied, lines.size() + 1 + countLines(reader), false);
            } else {
                lines.add(line);
                crc.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Replay(applied, lines.size(), false);
    }

    private static LDIFChangeRecord decode(List<String> lines, Schema schema, Path path, int lineNumber) {
        try {
            return LDIFReader.decodeChangeRecord(true, schema, false, lines.toArray(String[]::new));
        } catch (LDIFException e) {
            // The CRC matched, so this is what was written: a bug, not a crash.
            throw new EmbeddedDirectoryException("the journal " + path + " holds a record ending at line "
                    + lineNumber + " that is not LDIF: " + e.getMessage(), e);
        }
    }

    private static int countLines(BufferedReader reader) throws IOException {
        int count = 0;
        while (reader.readLine() != null) {
            count++;
        }
        return count;
    }

    /** What replaying the journal found. */
    record Replay(int applied, int discardedLines, boolean stale) {

        boolean changedAnything() {
            return applied > 0 || discardedLines > 0 || stale;
        }
    }

    @FunctionalInterface
    interface RecordConsumer {
        void accept(LDIFChangeRecord record, int endLine);
    }
}
