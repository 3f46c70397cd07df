package dev.clavis.directory.internal;

import dev.clavis.directory.SyncReport;
import dev.clavis.directory.SyncReport.Counts;
import dev.clavis.directory.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One directory sync as recorded, with what it read and changed so far. */
record SyncRun(
        UUID id,
        String trigger,
        SyncStatus status,
        String phase,
        Instant requestedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        Counts counts,
        boolean confirmLargeRemoval,
        @Nullable String error) {

    @Nullable Duration duration() {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }

    boolean finished() {
        return status == SyncStatus.SUCCEEDED || status == SyncStatus.FAILED;
    }

    SyncReport report() {
        return new SyncReport(id, trigger, status, phase, requestedAt, startedAt, finishedAt, counts, error);
    }
}
