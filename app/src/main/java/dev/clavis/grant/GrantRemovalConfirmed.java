package dev.clavis.grant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Every membership of an ended grant is gone from the directory, or deliberately left in place. */
public record GrantRemovalConfirmed(UUID grantId, @Nullable UUID requestId, Instant confirmedAt) {}
