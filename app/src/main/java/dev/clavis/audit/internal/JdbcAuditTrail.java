package dev.clavis.audit.internal;

import dev.clavis.audit.AuditEntry;
import dev.clavis.audit.AuditEvent;
import dev.clavis.audit.AuditQuery;
import dev.clavis.audit.AuditTrail;
import dev.clavis.platform.BeforeCommitBatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail in one table, written by {@link AuditChainer}: entries recorded at commit wait in
 * {@code audit_pending} until it links them, and every read first waits until it has linked what was
 * committed before the read. Reads take no transaction of their own around that wait, so a reader never
 * holds a connection while the chainer needs one (verify's streaming read opens one after it).
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    private final JdbcTemplate jdbc;
    private final AuditChainer chainer;
    private final TransactionTemplate readOnly;
    private final BeforeCommitBatch<AuditChainer.Entry> pending;
    private final Clock clock;

    JdbcAuditTrail(JdbcTemplate jdbc, AuditChainer chainer, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.chainer = chainer;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.pending = new BeforeCommitBatch<>(chainer::leave, chainer::wake);
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(AuditEvent event) {
        AuditChainer.Linked linked = chainer.linkNow(List.of(entry(event))).get(0);
        return new AuditEntry(linked.sequence(), linked.entry().at(), event.type(), event.actor(), event.subject(),
                CanonicalForm.parse(linked.entry().data()), linked.previousHash(), linked.hash());
    }

    /**
     * The transaction's entries are written together just before it commits, to {@code audit_pending}: they
     * commit or roll back with the change they record, and the chainer links them once they have committed.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAtCommit(AuditEvent event) {
        pending.add(entry(event));
    }

    private AuditChainer.Entry entry(AuditEvent event) {
        return new AuditChainer.Entry(clock.instant().truncatedTo(ChronoUnit.MILLIS), event.type(), event.actor(),
                event.subject(), CanonicalForm.data(event.data()));
    }

    /**
     * Checks the chain up to the head as it was when the check began: the chainer goes on linking meanwhile,
     * so the entries after that head are left to the next check, except that none may lie beyond the head as
     * it is at the end (a link writes its entries and moves the head in one transaction).
     */
    @Override
    public Verification verify() {
        chainer.awaitLinked();
        return readOnly.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap("select sequence, hash from audit_head where id = 1");
            long headSequence = ((Number) head.get("sequence")).longValue();
            var check = new ChainCheck();
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("select sequence, at, type, actor, subject, data, previous_hash, hash"
                        + " from audit_entry where sequence <= ? order by sequence");
                statement.setLong(1, headSequence);
                statement.setFetchSize(1000);
                return statement;
            }, (ResultSet rs) -> {
                if (check.valid()) {
                    check.next(rs.getLong("sequence"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getString("type"), rs.getString("actor"), rs.getString("subject"), rs.getString("data"),
                            rs.getString("previous_hash"), rs.getString("hash"));
                }
            });
            check.end(headSequence, (String) head.get("hash"));
            Long last = jdbc.queryForObject("select max(sequence) from audit_entry", Long.class);
            Long headNow = jdbc.queryForObject("select sequence from audit_head where id = 1", Long.class);
            check.beyond(last == null ? 0 : last, headNow == null ? 0 : headNow);
            return check.result();
        });
    }

    @Override
    public List<AuditEntry> search(AuditQuery query) {
        chainer.awaitLinked();
        var sql = new StringBuilder("select * from audit_entry where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.type() != null && !query.type().isBlank()) {
            String type = query.type().strip();
            sql.append(type.endsWith(".") ? " and type like ?" : " and type = ?");
            params.add(type.endsWith(".") ? type + "%" : type);
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            sql.append(" and actor = ?");
            params.add(query.actor().strip());
        }
        if (!query.subjects().isEmpty()) {
            sql.append(" and subject in (").append(String.join(", ", Collections.nCopies(query.subjects().size(), "?"))).append(")");
            params.addAll(query.subjects());
        }
        if (query.since() != null) {
            sql.append(" and at >= ?");
            params.add(query.since().atOffset(ZoneOffset.UTC));
        }
        if (query.until() != null) {
            sql.append(" and at < ?");
            params.add(query.until().atOffset(ZoneOffset.UTC));
        }
        if (query.from() != null) {
            sql.append(query.newestFirst() ? " and sequence < ?" : " and sequence > ?");
            params.add(query.from());
        }
        sql.append(" order by sequence").append(query.newestFirst() ? " desc" : "")
                .append(" fetch first ").append(query.limit()).append(" rows only");
        return jdbc.query(sql.toString(), JdbcAuditTrail::map, params.toArray());
    }

    @Override
    public List<AuditEntry> about(String subject) {
        chainer.awaitLinked();
        return jdbc.query("select * from audit_entry where subject = ? order by sequence", JdbcAuditTrail::map, subject);
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("sequence"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("type"),
                rs.getString("actor"),
                rs.getString("subject"),
                CanonicalForm.parse(rs.getString("data")),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Walks the chain in sequence order and remembers the first entry that breaks it. */
    private static final class ChainCheck {

        private long expectedSequence = 1;
        private String previousHash = CanonicalForm.GENESIS;
        private long entries;
        private Optional<Long> firstInvalid = Optional.empty();
        private Optional<String> reason = Optional.empty();

        boolean valid() {
            return firstInvalid.isEmpty();
        }

        void next(long sequence, Instant at, String type, String actor, String subject, String data,
                String storedPrevious, String storedHash) {
            entries++;
            if (sequence != expectedSequence) {
                fail(Math.min(sequence, expectedSequence), "entry " + expectedSequence + " is missing or out of order");
            } else if (!storedPrevious.equals(previousHash)) {
                fail(sequence, "entry " + sequence + " does not follow the entry before it");
            } else if (!sha256(CanonicalForm.content(sequence, at, type, actor, subject, data, storedPrevious)).equals(storedHash)) {
                fail(sequence, "entry " + sequence + " was altered after it was written");
            }
            expectedSequence = sequence + 1;
            previousHash = storedHash;
        }

        void end(long headSequence, String headHash) {
            if (valid() && (headSequence != expectedSequence - 1 || !headHash.equals(previousHash))) {
                fail(Math.min(headSequence, expectedSequence), "the trail ends at entry " + (expectedSequence - 1)
                        + " but entry " + headSequence + " was written: entries were removed from its end");
            }
        }

        /** An entry past the head was written behind the chainer's back. */
        void beyond(long lastSequence, long headSequence) {
            if (valid() && lastSequence > headSequence) {
                fail(headSequence + 1, "entry " + lastSequence + " lies beyond the trail's head, entry " + headSequence);
            }
        }

        private void fail(long sequence, String why) {
            firstInvalid = Optional.of(sequence);
            reason = Optional.of(why);
        }

        Verification result() {
            return new Verification(valid(), entries, firstInvalid, reason);
        }
    }
}
