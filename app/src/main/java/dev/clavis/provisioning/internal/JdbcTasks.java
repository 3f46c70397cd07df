package dev.clavis.provisioning.internal;

import dev.clavis.platform.SqlDialect;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.QueuedTask;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The task table. Every change of a claimed task is conditional on the claim still being the one the
 * worker made (status, worker and attempt), so a worker that lost its lease changes nothing.
 */
@Component
class JdbcTasks {

    /** Longest error text kept; connector messages are short, stack traces are not stored. */
    static final int MAX_ERROR_LENGTH = 4000;

    /**
     * Claimable now: pending and due, or held by a worker whose lease ran out; and no earlier task of
     * the same group and person is unfinished, so each pair's tasks apply in the order queued.
     */
    private static final String CLAIMABLE = """
            ((t.status = 'PENDING' and t.next_attempt_at <= ?) or (t.status = 'RUNNING' and t.lease_until < ?))
            and not exists (select 1 from provisioning_task e
                            where e.group_name = t.group_name and e.person_id = t.person_id
                              and e.queue_seq < t.queue_seq and e.status in ('PENDING', 'RUNNING'))""";

    /**
     * The claimable tasks of one status, in the order of an index that the walk stops early along: pending
     * tasks the longest due first (PostgreSQL's provisioning_task_pending, H2's provisioning_task_claim),
     * running ones the longest expired lease first (provisioning_task_lease). One query over both statuses,
     * with an OR, makes the database find and sort every due task before it can return the first few; under
     * load that is the whole backlog, for every worker, every time it looks.
     */
    private static final String CLAIMABLE_OF_STATUS = """
            (select t.id, t.next_attempt_at, t.queue_seq from provisioning_task t
             where t.status = '%s' and %s
               and not exists (select 1 from provisioning_task e
                               where e.group_name = t.group_name and e.person_id = t.person_id
                                 and e.queue_seq < t.queue_seq and e.status in ('PENDING', 'RUNNING'))
             order by %s fetch first %d rows only)""";

    private static final String HELD_BY_CLAIM = " where id = ? and status = 'RUNNING' and claimed_by = ? and attempts = ?";

    private final JdbcTemplate jdbc;

    /**
     * PostgreSQL claims with {@code for update skip locked}: a claim passes over rows another claim or a
     * batch's confirmation holds instead of waiting for them, so claims never wait, and never deadlock
     * with a confirmation that locks its tasks in another order (the request bench saw such deadlocks).
     * H2 has no skip locked; there the update itself re-checks that each row is still claimable.
     */
    private final boolean skipLocked;

    JdbcTasks(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.skipLocked = dialect.skipLocked();
    }

    /** Inserts the tasks as pending and due, in list order, which is their queue order. */
    void insert(List<UUID> ids, List<MembershipTask> tasks, Instant now) {
        jdbc.batchUpdate("""
                        insert into provisioning_task
                          (id, reference, operation, group_name, person_id, status, attempts, next_attempt_at, queued_at)
                        values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int index) throws SQLException {
                        MembershipTask task = tasks.get(index);
                        statement.setObject(1, ids.get(index));
                        statement.setString(2, task.reference());
                        statement.setString(3, task.operation().name());
                        statement.setString(4, task.groupName());
                        statement.setObject(5, task.personId());
                        statement.setObject(6, utc(now));
                        statement.setObject(7, utc(now));
                    }

                    @Override
                    public int getBatchSize() {
                        return tasks.size();
                    }
                });
    }

    /** Up to {@code limit} claimable tasks, the longest due first: the same tasks {@link #CLAIMABLE} selects. */
    List<UUID> claimable(Instant now, int limit) {
        String pending = CLAIMABLE_OF_STATUS.formatted("PENDING", "t.next_attempt_at <= ?",
                "t.next_attempt_at, t.queue_seq", limit);
        String leaseExpired = CLAIMABLE_OF_STATUS.formatted("RUNNING", "t.lease_until < ?", "t.lease_until", limit);
        return jdbc.queryForList("select c.id from (" + pending + " union all " + leaseExpired + ") c"
                        + " order by c.next_attempt_at, c.queue_seq fetch first " + limit + " rows only",
                UUID.class, utc(now), utc(now));
    }

    /**
     * Takes those of the tasks that are still claimable, in one statement, so of several workers (in any
     * instance) exactly one gets each. {@code claimant} names this claim alone, so reading back what it
     * took finds nothing of an earlier claim. Each claim counts as an attempt, so a task that keeps
     * crashing its worker still runs out of attempts.
     *
     * @return the tasks taken, in queue order
     */
    List<ClaimedTask> claim(List<UUID> ids, Instant now, Instant leaseUntil, String claimant) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        var arguments = new ArrayList<Object>(List.of(utc(leaseUntil), claimant));
        arguments.addAll(ids);
        arguments.addAll(List.of(utc(now), utc(now)));
        String set = "set status = 'RUNNING', attempts = attempts + 1, lease_until = ?, claimed_by = ?";
        String claimable = "t.id in (" + in + ") and " + CLAIMABLE;
        int claimed = jdbc.update(skipLocked
                        ? "update provisioning_task " + set + " where id in"
                                + " (select t.id from provisioning_task t where " + claimable + " for update of t skip locked)"
                        : "update provisioning_task t " + set + " where " + claimable,
                arguments.toArray());
        if (claimed == 0) {
            return List.of();
        }
        var readBack = new ArrayList<Object>(ids);
        readBack.add(claimant);
        return jdbc.query("select * from provisioning_task where id in (" + in + ") and claimed_by = ? order by queue_seq",
                (rs, row) -> new ClaimedTask(rs.getObject("id", UUID.class), task(rs), rs.getInt("attempts"),
                        instant(rs, "queued_at"), claimant),
                readBack.toArray());
    }

    /**
     * Marks each claim's task done with its outcome, in one batch.
     *
     * @return for each claim, whether it was still held (and so is now done)
     */
    boolean[] markDone(List<ClaimedTask> claims, List<MembershipOutcome> outcomes, Instant now) {
        int[] updated = jdbc.batchUpdate("""
                        update provisioning_task
                        set status = 'DONE', outcome = ?, done_at = ?, lease_until = null, last_error = null""" + HELD_BY_CLAIM,
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int index) throws SQLException {
                        ClaimedTask claim = claims.get(index);
                        statement.setString(1, outcomes.get(index).name());
                        statement.setObject(2, utc(now));
                        statement.setObject(3, claim.id());
                        statement.setString(4, claim.worker());
                        statement.setInt(5, claim.attempt());
                    }

                    @Override
                    public int getBatchSize() {
                        return claims.size();
                    }
                });
        boolean[] held = new boolean[claims.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = updated[i] == 1;
        }
        return held;
    }

    boolean markRetrying(ClaimedTask claim, String error, Instant nextAttemptAt) {
        return jdbc.update("""
                        update provisioning_task
                        set status = 'PENDING', next_attempt_at = ?, lease_until = null, last_error = ?""" + HELD_BY_CLAIM,
                utc(nextAttemptAt), error, claim.id(), claim.worker(), claim.attempt()) == 1;
    }

    boolean markFailed(ClaimedTask claim, String error, Instant now) {
        return jdbc.update("""
                        update provisioning_task
                        set status = 'FAILED', done_at = ?, lease_until = null, last_error = ?""" + HELD_BY_CLAIM,
                utc(now), error, claim.id(), claim.worker(), claim.attempt()) == 1;
    }

    /** Keeps the tasks claimed for longer; false when every claim was lost already. */
    boolean renewLeases(List<ClaimedTask> claims, Instant leaseUntil) {
        boolean held = false;
        for (ClaimedTask claim : claims) {
            held |= jdbc.update("update provisioning_task set lease_until = ?" + HELD_BY_CLAIM,
                    utc(leaseUntil), claim.id(), claim.worker(), claim.attempt()) == 1;
        }
        return held;
    }

    /** Gives a claimed task back untried, as if it had never been claimed. */
    void release(ClaimedTask claim) {
        jdbc.update("update provisioning_task set status = 'PENDING', attempts = attempts - 1, lease_until = null"
                + HELD_BY_CLAIM, claim.id(), claim.worker(), claim.attempt());
    }

    /**
     * Deletes up to {@code limit} tasks that finished before {@code cutoff}: done or failed, both of which
     * set done_at.
     *
     * <p>A task finishes no earlier than its last attempt fell due, so each of these also has next_attempt_at
     * before the cutoff. Saying so lets H2 walk its claim index to the old tasks instead of reading every
     * finished one; PostgreSQL has an index of finished tasks by done_at (V12).
     *
     * <p>The ids are read first: H2 evaluates a subquery in a delete's condition again for each row it
     * deletes, which took seconds for a thousand rows and deleted only about half of them. A finished
     * task never changes, so none of them can have become unfinished in between.
     *
     * @return how many were deleted
     */
    int deleteFinishedBefore(Instant cutoff, int limit) {
        List<UUID> ids = jdbc.queryForList("""
                        select id from provisioning_task
                        where status in ('DONE', 'FAILED') and next_attempt_at < ? and done_at < ?
                        fetch first %d rows only""".formatted(limit),
                UUID.class, utc(cutoff), utc(cutoff));
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from provisioning_task where id in ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ids.toArray());
    }

    long countFailed() {
        return count("status = 'FAILED'");
    }

    /** Counted a status at a time: on PostgreSQL each status has an index of its own (V12, V57), an IN of both has none. */
    long countUnfinished() {
        return count("status = 'PENDING'") + count("status = 'RUNNING'");
    }

    List<QueuedTask> byReference(String reference) {
        return jdbc.query("select * from provisioning_task where reference = ? order by queue_seq",
                JdbcTasks::queued, reference);
    }

    private long count(String condition) {
        Long count = jdbc.queryForObject("select count(*) from provisioning_task where " + condition, Long.class);
        return count == null ? 0 : count;
    }

    private static QueuedTask queued(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
        return new QueuedTask(
                rs.getObject("id", UUID.class),
                task(rs),
                QueuedTask.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                outcome == null ? null : MembershipOutcome.valueOf(outcome),
                rs.getString("last_error"),
                instant(rs, "queued_at"),
                doneAt == null ? null : doneAt.toInstant());
    }

    private static MembershipTask task(ResultSet rs) throws SQLException {
        return new MembershipTask(
                MembershipOperation.valueOf(rs.getString("operation")),
                rs.getString("group_name"),
                rs.getObject("person_id", UUID.class),
                rs.getString("reference"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
