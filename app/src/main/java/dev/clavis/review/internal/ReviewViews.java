package dev.clavis.review.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API shows of campaigns and items. */
final class ReviewViews {

    private ReviewViews() {}

    record PersonRef(UUID id, String email, String displayName) {}

    record CampaignView(UUID id, String name, String status, ReviewScope scope, String reviewers, Instant deadline,
            String onNoDecision, String createdBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant escalatedAt,
            @Nullable Instant closedAt, @Nullable String closedBy, @Nullable Long catalogVersion, long items, Totals totals,
            List<Progress> progress, @Nullable String largeRemoval, @Nullable String largeRemovalConfirmedBy,
            @Nullable AuditPosition auditPosition) {}

    /** @param removalsConfirmed revocations the directory confirmed; pending and failed ones likewise */
    record Totals(long items, long decided, long kept, long revoked, long undecided, long removalsConfirmed,
            long removalsPending, long removalsFailed) {}

    /** @param reviewer null for items no one could be assigned (an admin reassigns them) */
    record Progress(@Nullable PersonRef reviewer, long decided, long total) {}

    /** Where the campaign's close entry sits in the audit chain: verify the chain up to it. */
    record AuditPosition(long sequence, String hash) {}

    record ItemView(long id, PersonView person, @Nullable String app, @Nullable String role, @Nullable String risk,
            List<String> groups, Access access, @Nullable Instant grantedAt, @Nullable Instant lastReviewedAt, String lastLoginAt,
            List<String> flags, Suggestion suggestion, @Nullable PersonRef reviewer, String reviewerBasis,
            @Nullable String reassignReason, @Nullable DecisionView decision, @Nullable Enforcement enforcement) {}

    record PersonView(UUID id, String email, String displayName, @Nullable String department, @Nullable String title,
            @Nullable PersonRef manager, String status) {}

    /**
     * How the access came: {@code request} (with its justification and approvers), {@code review} (a
     * membership no grant explains, kept by an earlier campaign), {@code lifecycle} (a joiner/mover rule),
     * or {@code unmanaged} (in a group Clavis manages, but not through Clavis).
     */
    record Access(String kind, @Nullable UUID grantId, @Nullable UUID requestId, @Nullable PersonRef requestedBy,
            @Nullable String justification, List<Approval> approvals, @Nullable KeptIn keptIn) {}

    record Approval(PersonRef by, String decision, Instant at, @Nullable String comment) {}

    record KeptIn(UUID campaignId, String campaign, Instant at) {}

    record Suggestion(String decision, String because) {}

    /** @param byRule decided by the campaign's rule for undecided items, not by a person */
    record DecisionView(String decision, @Nullable PersonRef by, boolean byRule, Instant at, @Nullable String comment) {}

    record Enforcement(String state, @Nullable String detail, @Nullable Instant removalConfirmedAt) {}
}
