package dev.clavis.review.internal;

import dev.clavis.review.ReviewScope;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A campaign row. */
record Campaign(
        UUID id,
        String name,
        ReviewScope scope,
        ReviewerRule reviewers,
        Instant deadline,
        UndecidedRule onNoDecision,
        CampaignStatus status,
        @Nullable Long catalogVersion,
        long itemCount,
        String createdBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant escalatedAt,
        @Nullable Instant closedAt,
        @Nullable String closedBy,
        @Nullable String largeRemoval,
        @Nullable String largeRemovalConfirmedBy,
        @Nullable Long auditSequence,
        @Nullable String auditHash) {

    String subject() {
        return "review:" + id;
    }
}
