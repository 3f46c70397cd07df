package dev.clavis.provisioning;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A membership task as the queue holds it.
 *
 * @param attempts how many times a worker has taken it up
 * @param outcome what the directory answered, once {@link Status#DONE}
 * @param lastError the most recent failure, retried or final
 * @param doneAt when it became {@link Status#DONE} or {@link Status#FAILED}
 */
public record QueuedTask(
        UUID id,
        MembershipTask task,
        Status status,
        int attempts,
        @Nullable MembershipOutcome outcome,
        @Nullable String lastError,
        Instant queuedAt,
        @Nullable Instant doneAt) {

    public enum Status {
        /** Waiting for its turn, its next attempt or a worker. */
        PENDING,
        /** A worker holds it until its lease runs out. */
        RUNNING,
        /** The directory confirmed it. */
        DONE,
        /** Given up; {@link MembershipChangeFailed} said why. */
        FAILED;

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }
}
