package dev.clavis.grant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The directory confirmed every membership of a grant: the access is in effect. */
public record GrantActivated(UUID grantId, @Nullable UUID requestId, UUID personId, List<String> groups,
        Instant grantedAt, @Nullable Instant expiresAt) {}
