package dev.clavis.request.internal;

import dev.clavis.request.RequestStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A request row. */
record StoredRequest(
        UUID id,
        UUID requesterId,
        UUID beneficiaryId,
        String appId,
        String roleId,
        String duration,
        @Nullable String justification,
        String channel,
        RequestStatus status,
        long catalogVersion,
        @Nullable Integer currentStage,
        boolean automatic,
        @Nullable UUID grantId,
        @Nullable UUID extendsGrantId,
        @Nullable String ticketSystem,
        @Nullable String ticketKey,
        @Nullable String ticketUrl,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable Instant grantedAt) {

    static String openKey(UUID beneficiary, String app, String role) {
        return beneficiary + "/" + app + "/" + role;
    }
}
