package dev.clavis.audit.internal;

import dev.clavis.platform.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the entries transactions left in {@code audit_pending} onto the trail, oldest first, many in one
 * turn at the head: one lock, one batch of rows, one move of the head. A transaction that records what it
 * changed only inserts its entries there, so no transaction waits for another's commit to record its own.
 * Chaining them one transaction at a time under the head's lock made every change of the system take turns:
 * the request benchmark submitted 235–275 requests a second that way, 331 with the chainer.
 *
 * <p>A thread of its own chains right after each commit that left entries, and every second in case another
 * instance left them; whoever reads the trail chains what is pending first, so a committed entry is always
 * in the trail it reads. Entries left by a crash are chained at the next start.
 *
 * <p>On PostgreSQL the thread vacuums {@code audit_pending} after every {@value #VACUUM_AFTER} entries it
 * chained. Each pass reads the oldest pending entries by id, and every entry chained and deleted before
 * stays in that index until a vacuum: autovacuum visits a database once a minute at most (never where it is
 * off), so between its visits each pass stepped over a minute's worth of deleted entries.
 */
@Component
class AuditChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    /** Entries chained in one turn at the head. */
    static final int BATCH = 1000;

    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private static final Duration AFTER_ERROR = Duration.ofSeconds(5);

    /** Entries chained between two vacuums of the queue: seconds of full load, a vacuum of a few milliseconds. */
    static final int VACUUM_AFTER = 10_000;

    /** The longest a reader waits for the chainer; it then reads what is linked. */
    private static final Duration READER_PATIENCE = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TransactionTemplate separately;
    private final Semaphore committed = new Semaphore(0);
    private final Object passes = new Object();
    private long passesStarted;
    private long passesFinished;
    private volatile Thread thread;
    private int chainedSinceVacuum;

    AuditChainer(JdbcTemplate jdbc, SqlDialect dialect, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A transaction committed entries: chain them now rather than at the next poll. */
    void wake() {
        committed.release();
    }

    /**
     * Waits until the chainer has linked every entry committed before the call: until a pass over
     * {@code audit_pending} that began after it has ended. The reader holds no connection meanwhile.
     */
    void awaitLinked() {
        if (thread == null) {
            catchUp();
            return;
        }
        long deadline = System.nanoTime() + READER_PATIENCE.toNanos();
        synchronized (passes) {
            long awaited = passesStarted + 1;
            wake();
            while (passesFinished < awaited) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("The audit chainer has not linked the pending entries within {} s; reading what is linked",
                            READER_PATIENCE.toSeconds());
                    return;
                }
                try {
                    passes.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Chains every entry committed before the call, in transactions of its own.
     *
     * @return how many it chained
     */
    int catchUp() {
        int chained = 0;
        int turn;
        do {
            turn = separately.execute(status -> chainOneBatch());
            chained += turn;
        } while (turn == BATCH);
        return chained;
    }

    private int chainOneBatch() {
        Head head = lockHead();
        return linkPending(head, BATCH).linked();
    }

    private record Turn(Head head, int linked) {}

    /** Links up to {@code limit} pending entries, oldest first, after the head; the caller holds its lock. */
    private Turn linkPending(Head head, int limit) {
        List<Pending> pending = jdbc.query("select * from audit_pending order by id fetch first " + limit + " rows only",
                AuditChainer::pending);
        if (pending.isEmpty()) {
            return new Turn(head, 0);
        }
        List<Linked> linked = link(head, pending.stream().map(Pending::entry).toList());
        List<Object> ids = new ArrayList<>(pending.stream().map(Pending::id).toList());
        jdbc.update("delete from audit_pending where id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                ids.toArray());
        Linked last = linked.get(linked.size() - 1);
        return new Turn(new Head(last.sequence(), last.hash()), linked.size());
    }

    private record Pending(long id, Entry entry) {}

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        return new Pending(rs.getLong("id"), new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("type"), rs.getString("actor"), rs.getString("subject"), rs.getString("data")));
    }

    /** An entry's content as the chain hashes it; {@code data} in canonical form. */
    record Entry(Instant at, String type, String actor, String subject, String data) {}

    /** An entry as linked into the chain. */
    record Linked(long sequence, Entry entry, String previousHash, String hash) {}

    private record Head(long sequence, String hash) {}

    /**
     * Links entries onto the chain in the caller's transaction, which holds the head until it ends: after
     * every entry committed before, so their place in the chain says what was recorded before them.
     */
    List<Linked> linkNow(List<Entry> entries) {
        Head head = lockHead();
        Turn turn;
        do {
            turn = linkPending(head, BATCH);
            head = turn.head();
        } while (turn.linked() == BATCH);
        return link(head, entries);
    }

    /** The head's row lock makes whoever links take turns, so each entry follows the one linked before it. */
    private Head lockHead() {
        var head = jdbc.queryForMap("select sequence, hash from audit_head where id = 1 for update");
        return new Head(((Number) head.get("sequence")).longValue(), (String) head.get("hash"));
    }

    private List<Linked> link(Head head, List<Entry> entries) {
        long sequence = head.sequence();
        String previousHash = head.hash();
        var linked = new ArrayList<Linked>(entries.size());
        var rows = new ArrayList<Object[]>(entries.size());
        for (Entry entry : entries) {
            sequence++;
            String hash = JdbcAuditTrail.sha256(CanonicalForm.content(sequence, entry.at(), entry.type(), entry.actor(),
                    entry.subject(), entry.data(), previousHash));
            rows.add(new Object[] {sequence, utc(entry.at()), entry.type(), entry.actor(), entry.subject(), entry.data(),
                    previousHash, hash});
            linked.add(new Linked(sequence, entry, previousHash, hash));
            previousHash = hash;
        }
        jdbc.batchUpdate("""
                insert into audit_entry (sequence, at, type, actor, subject, data, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.update("update audit_head set sequence = ?, hash = ? where id = 1", sequence, previousHash);
        return linked;
    }

    /** Leaves a transaction's entries to be chained once it commits, in the order given. */
    void leave(List<Entry> entries) {
        jdbc.batchUpdate("insert into audit_pending (at, type, actor, subject, data) values (?, ?, ?, ?, ?)",
                entries.stream().map(e -> new Object[] {utc(e.at()), e.type(), e.actor(), e.subject(), e.data()}).toList());
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                committed.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                committed.drainPermits();
                pass();
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                log.warn("Chaining the pending audit entries failed; trying again in {} s", AFTER_ERROR.toSeconds(), e);
                try {
                    Thread.sleep(AFTER_ERROR.toMillis());
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /** One pass over what is pending; readers waiting for it are let go however it ends. */
    private void pass() {
        long pass;
        synchronized (passes) {
            pass = ++passesStarted;
        }
        try {
            chainedSinceVacuum += catchUp();
        } finally {
            synchronized (passes) {
                passesFinished = pass;
                passes.notifyAll();
            }
        }
        if (dialect.postgres() && chainedSinceVacuum >= VACUUM_AFTER) {
            chainedSinceVacuum = 0;
            vacuum();
        }
    }

    /** Outside any transaction, as a vacuum must be; one that fails leaves the work to autovacuum. */
    private void vacuum() {
        try {
            jdbc.execute("vacuum audit_pending");
        } catch (DataAccessException e) {
            log.warn("Could not vacuum audit_pending ({}); chaining reads slow down until autovacuum does", e.getMessage());
        }
    }

    @Override
    public void start() {
        Thread chaining = new Thread(this::run, "audit-chainer");
        chaining.setDaemon(true);
        thread = chaining;
        chaining.start();
    }

    /** Stops the thread, then chains what the last transactions left. */
    @Override
    public void stop() {
        Thread chaining = thread;
        thread = null;
        if (chaining != null) {
            chaining.interrupt();
            try {
                chaining.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("Chaining the pending audit entries at shutdown failed; they are chained at the next start", e);
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops after the work that records audit entries (scheduler, workers) has stopped, starts before it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
