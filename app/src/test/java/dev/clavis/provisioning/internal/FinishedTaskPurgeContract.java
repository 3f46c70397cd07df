package dev.clavis.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.platform.SqlDialect;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Finished tasks older than the retention are deleted, and no others, on each database Clavis supports:
 * the tables are Clavis's own migrations, the job runs on a fixed clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FinishedTaskPurgeContract {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant BEYOND_RETENTION = NOW.minus(RETENTION).minusSeconds(1);
    private static final Instant WITHIN_RETENTION = NOW.minus(RETENTION).plusSeconds(1);

    private SingleConnectionDataSource database;
    private JdbcTemplate jdbc;
    private FinishedTaskPurgeJob job;

    /** A connection to an empty database, kept open; statements on it commit each on their own. */
    protected abstract SingleConnectionDataSource database();

    @BeforeAll
    void migrate() {
        database = database();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(database);
        var settings = new ProvisioningSettings(4, 8, Duration.ofSeconds(1), Duration.ofMinutes(5), null,
                Duration.ofMinutes(1), Duration.ofSeconds(1), RETENTION);
        job = new FinishedTaskPurgeJob(new JdbcTasks(jdbc, SqlDialect.of(database)), Clock.fixed(NOW, ZoneOffset.UTC), settings);
    }

    @AfterAll
    void close() {
        database.destroy();
    }

    @BeforeEach
    void emptyQueue() {
        jdbc.update("delete from provisioning_task");
    }

    @Test
    void aDoneTaskFinishedBeforeTheRetentionIsDeleted() {
        task("DONE", BEYOND_RETENTION.minus(Duration.ofMinutes(5)), BEYOND_RETENTION);

        assertThat(job.purge()).isEqualTo(1);

        assertThat(remaining()).isEmpty();
    }

    @Test
    void aDoneTaskFinishedWithinTheRetentionIsKept() {
        UUID kept = task("DONE", WITHIN_RETENTION.minus(Duration.ofMinutes(5)), WITHIN_RETENTION);

        assertThat(job.purge()).isZero();

        assertThat(remaining()).containsExactly(kept);
    }

    @Test
    void aTaskDueBeforeTheRetentionButFinishedWithinItIsKept() {
        UUID kept = task("DONE", NOW.minus(Duration.ofDays(90)), WITHIN_RETENTION);

        job.purge();

        assertThat(remaining()).containsExactly(kept);
    }

    @Test
    void aFailedTaskFinishedBeforeTheRetentionIsDeleted() {
        task("FAILED", BEYOND_RETENTION.minus(Duration.ofHours(3)), BEYOND_RETENTION);
        UUID recentFailure = task("FAILED", WITHIN_RETENTION.minus(Duration.ofHours(3)), WITHIN_RETENTION);

        job.purge();

        assertThat(remaining()).containsExactly(recentFailure);
    }

    @Test
    void pendingAndRunningTasksAreKeptHoweverOld() {
        Instant longAgo = NOW.minus(Duration.ofDays(365));
        UUID pending = task("PENDING", longAgo, null);
        UUID running = task("RUNNING", longAgo, null);

        assertThat(job.purge()).isZero();

        assertThat(remaining()).containsExactlyInAnyOrder(pending, running);
    }

    @Test
    void finishedTasksBeyondOneBatchAreAllDeleted() {
        int count = FinishedTaskPurgeJob.BATCH * 2 + 1;
        for (int i = 0; i < count; i++) {
            task("DONE", BEYOND_RETENTION.minus(Duration.ofMinutes(i + 1)), BEYOND_RETENTION.minusSeconds(i));
        }
        UUID kept = task("DONE", WITHIN_RETENTION, WITHIN_RETENTION);

        assertThat(job.purge()).isEqualTo(count);

        assertThat(remaining()).containsExactly(kept);
    }

    /** A task as the worker leaves it: its last attempt fell due at {@code due}, and it finished at {@code doneAt}. */
    private UUID task(String status, Instant due, @Nullable Instant doneAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                        insert into provisioning_task
                          (id, reference, operation, group_name, person_id, status, attempts, next_attempt_at, queued_at, done_at)
                        values (?, 'purge-test', 'ADD', 'netsuite-users', ?, ?, 1, ?, ?, ?)""",
                id, UUID.randomUUID(), status, due.atOffset(ZoneOffset.UTC), due.atOffset(ZoneOffset.UTC),
                new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, doneAt == null ? null : doneAt.atOffset(ZoneOffset.UTC)));
        return id;
    }

    private List<UUID> remaining() {
        return jdbc.queryForList("select id from provisioning_task", UUID.class);
    }
}
