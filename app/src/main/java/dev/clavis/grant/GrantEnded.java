package dev.clavis.grant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A grant expired or was revoked; removal of its memberships is queued. */
public record GrantEnded(UUID grantId, @Nullable UUID requestId, UUID personId, GrantStatus status, Instant endedAt,
        String reason, String by) {}
