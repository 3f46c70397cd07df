package dev.clavis.directory.internal;

import dev.clavis.directory.SyncReport;
import dev.clavis.directory.SyncStatus;
import java.util.List;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of directory syncs; each update is its own short transaction so progress is visible. */
@Component
class SyncRuns {

    private final JdbcClient jdbc;
    private final Clock clock;

    SyncRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    SyncRun create(String trigger, boolean confirmLargeRemoval) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into directory_sync (id, trigger_source, status, phase, requested_at, confirm_large_removal)
                        values (:id, :trigger, 'QUEUED', 'queued', :now, :confirm)""")
                .param("id", id).param("trigger", trigger).param("now", now()).param("confirm", confirmLargeRemoval)
                .update();
        return find(id).orElseThrow();
    }

    Optional<SyncRun> find(UUID id) {
        return jdbc.sql("select * from directory_sync where id = :id").param("id", id).query(SyncRuns::map).optional();
    }

    Optional<SyncRun> unfinished() {
        return jdbc.sql("select * from directory_sync where status in ('QUEUED', 'RUNNING') order by requested_at")
                .query(SyncRuns::map).list().stream().findFirst();
    }

    Optional<SyncRun> lastFinished() {
        return jdbc.sql("select * from directory_sync where status in ('SUCCEEDED', 'FAILED') order by finished_at desc")
                .query(SyncRuns::map).list().stream().findFirst();
    }

    /** Newest first; {@code directory_sync_requested} keeps this one short index read however many syncs ran. */
    List<SyncRun> recent(int limit) {
        return jdbc.sql("select * from directory_sync order by requested_at desc fetch first " + limit + " rows only")
                .query(SyncRuns::map).list();
    }

    void start(UUID id) {
        jdbc.sql("""
                        update directory_sync set status = 'RUNNING', phase = 'people', started_at = :now, error = null,
                          people_read = 0, groups_read = 0, memberships_read = 0, people_added = 0, people_updated = 0,
                          people_departed = 0, groups_added = 0, groups_removed = 0, memberships_added = 0,
                          memberships_removed = 0
                        where id = :id""")
                .param("id", id).param("now", now()).update();
    }

    void phase(UUID id, String phase) {
        jdbc.sql("update directory_sync set phase = :phase where id = :id").param("id", id).param("phase", phase).update();
    }

    /** Adds to counters; {@code column} is one of the fixed counter names, never user input. */
    void add(UUID id, String column, int amount) {
        if (amount != 0) {
            jdbc.sql("update directory_sync set " + column + " = " + column + " + :amount where id = :id")
                    .param("id", id).param("amount", amount).update();
        }
    }

    void finish(UUID id, SyncStatus status, @Nullable String error) {
        finish(id, status, "done", error);
    }

    /** A sync stopped before a large removal: failed, and waiting for an admin's confirmed sync. */
    void refuse(UUID id, String refusal) {
        finish(id, SyncStatus.FAILED, SyncReport.AWAITING_CONFIRMATION, refusal);
    }

    private void finish(UUID id, SyncStatus status, String phase, @Nullable String error) {
        jdbc.sql("update directory_sync set status = :status, phase = :phase, finished_at = :now, error = :error where id = :id")
                .param("id", id).param("status", status.name()).param("phase", phase).param("now", now()).param("error", error)
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static SyncRun map(ResultSet rs, int row) throws SQLException {
        return new SyncRun(
                rs.getObject("id", UUID.class),
                rs.getString("trigger_source"),
                SyncStatus.valueOf(rs.getString("status")),
                rs.getString("phase"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("finished_at", OffsetDateTime.class)),
                new SyncReport.Counts(
                        rs.getInt("people_read"),
                        rs.getInt("groups_read"),
                        rs.getInt("memberships_read"),
                        rs.getInt("people_added"),
                        rs.getInt("people_updated"),
                        rs.getInt("people_departed"),
                        rs.getInt("groups_added"),
                        rs.getInt("groups_removed"),
                        rs.getInt("memberships_added"),
                        rs.getInt("memberships_removed")),
                rs.getBoolean("confirm_large_removal"),
                rs.getString("error"));
    }

    private static java.time.@Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
