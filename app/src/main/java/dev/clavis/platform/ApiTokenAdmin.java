package dev.clavis.platform;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** API tokens as an admin manages them: never the secret, except once, when a token is made. */
public interface ApiTokenAdmin {

    /** The newest tokens first, revoked ones included, at most {@code limit}. */
    List<TokenSummary> newest(int limit);

    long count();

    /**
     * Makes a token acting as the person; recorded in the audit trail as {@code token.issued}.
     *
     * @param expiresAt null for a token that lasts until revoked
     * @throws InvalidInputException for no scopes or an expiry in the past
     */
    Issued issue(UUID personId, String name, Set<Scope> scopes, @Nullable Instant expiresAt, String issuedBy);

    /**
     * Ends a token now; recorded as {@code token.revoked}.
     *
     * @throws NotFoundException when there is no such token
     * @throws ConflictException when it was revoked already
     */
    void revoke(UUID tokenId, String revokedBy);

    /** @param token the secret: shown once and kept by nobody, only its hash is stored */
    record Issued(UUID id, String token) {}

    record TokenSummary(
            UUID id,
            String name,
            @Nullable UUID personId,
            Set<Scope> scopes,
            Instant createdAt,
            String createdBy,
            @Nullable Instant lastUsedAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt) {

        public TokenSummary {
            scopes = Set.copyOf(scopes);
        }

        public boolean usable(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }
}
