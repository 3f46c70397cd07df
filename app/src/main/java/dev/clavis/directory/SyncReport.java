package dev.clavis.directory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One directory sync as recorded, with what it read and changed so far.
 *
 * @param phase {@code queued}, {@code people}, {@code groups}, {@code memberships}, {@code applying}, {@code done},
 *     or {@link #AWAITING_CONFIRMATION}
 * @param error why it failed, e.g. the large removal it refused
 */
public record SyncReport(
        UUID id,
        String trigger,
        SyncStatus status,
        String phase,
        Instant requestedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        Counts counts,
        @Nullable String error) {

    /** The phase of a sync that stopped before a large removal, until an admin confirms it with a new sync. */
    public static final String AWAITING_CONFIRMATION = "awaiting-confirmation";

    public record Counts(
            int peopleRead,
            int groupsRead,
            int membershipsRead,
            int peopleAdded,
            int peopleUpdated,
            int peopleDeparted,
            int groupsAdded,
            int groupsRemoved,
            int membershipsAdded,
            int membershipsRemoved) {}

    public boolean finished() {
        return status == SyncStatus.SUCCEEDED || status == SyncStatus.FAILED;
    }

    /** It stopped short of a large removal, which a sync with the confirmation would make. */
    public boolean awaitsConfirmation() {
        return AWAITING_CONFIRMATION.equals(phase);
    }
}
