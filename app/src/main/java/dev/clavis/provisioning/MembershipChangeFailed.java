package dev.clavis.provisioning;

import java.time.Instant;
import java.util.UUID;

/** A membership change was given up: a permanent error, or transient ones until the attempts ran out. */
public record MembershipChangeFailed(
        UUID taskId,
        String reference,
        MembershipOperation operation,
        String groupName,
        UUID personId,
        String error,
        int attempts,
        Instant failedAt) {}
