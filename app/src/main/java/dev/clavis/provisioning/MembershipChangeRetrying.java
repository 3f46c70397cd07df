package dev.clavis.provisioning;

import java.time.Instant;
import java.util.UUID;

/** A membership change failed transiently and will be tried again at {@code nextAttemptAt}. */
public record MembershipChangeRetrying(
        UUID taskId,
        String reference,
        MembershipOperation operation,
        String groupName,
        UUID personId,
        String error,
        int attempt,
        Instant nextAttemptAt) {}
