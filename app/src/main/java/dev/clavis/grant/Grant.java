package dev.clavis.grant;

import dev.clavis.catalog.RoleRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A grant and the state of each membership it needs.
 *
 * @param duration ISO-8601 or {@code permanent}, as asked
 * @param expiresAt null for permanent access, and until the grant is active
 */
public record Grant(
        UUID id,
        @Nullable UUID requestId,
        UUID personId,
        RoleRef role,
        String risk,
        String duration,
        String origin,
        GrantStatus status,
        Instant createdAt,
        @Nullable Instant grantedAt,
        @Nullable Instant expiresAt,
        @Nullable Instant endedAt,
        @Nullable String endReason,
        @Nullable String endedBy,
        @Nullable Instant removalConfirmedAt,
        List<GrantMembership> memberships) {

    public Grant {
        memberships = List.copyOf(memberships);
    }

    public List<String> groups() {
        return memberships.stream().map(GrantMembership::groupName).toList();
    }
}
