package dev.clavis.provisioning;

import java.time.Instant;
import java.util.UUID;

/** The directory confirmed a membership change. */
public record MembershipChangeConfirmed(
        UUID taskId,
        String reference,
        MembershipOperation operation,
        String groupName,
        UUID personId,
        MembershipOutcome outcome,
        int attempts,
        Instant queuedAt,
        Instant confirmedAt) {}
