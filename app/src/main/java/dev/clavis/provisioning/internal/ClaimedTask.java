package dev.clavis.provisioning.internal;

import dev.clavis.provisioning.MembershipTask;
import java.time.Instant;
import java.util.UUID;

/**
 * A task a worker holds. {@code worker} and {@code attempt} identify this claim: a worker whose lease
 * ran out and whose task was taken up again finds that its result is no longer wanted.
 */
record ClaimedTask(UUID id, MembershipTask task, int attempt, Instant queuedAt, String worker) {}
