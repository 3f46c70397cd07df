package dev.clavis.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API and the web console show of campaigns and items. */
public final class ReviewViews {

    private ReviewViews() {}

    public record PersonRef(UUID id, String email, String displayName) {}

    public record CampaignView(UUID id, String name, String status, ReviewScope scope, String reviewers, Instant deadline,
            String onNoDecision, String createdBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant escalatedAt,
            @Nullable Instant closedAt, @Nullable String closedBy, @Nullable Long catalogVersion, long items, Totals totals,
            List<Progress> progress, @Nullable String largeRemoval, @Nullable String largeRemovalConfirmedBy,
            @Nullable AuditPosition auditPosition) {}

    /** @param removalsConfirmed revocations the directory confirmed; pending and failed ones likewise */
    public record Totals(long items, long decided, long kept, long revoked, long undecided, long removalsConfirmed,
            long removalsPending, long removalsFailed) {}

    /** @param reviewer null for items no one could be assigned (an admin reassigns them) */
    public record Progress(@Nullable PersonRef reviewer, long decided, long total) {}

    /** Where the campaign's close entry sits in the audit chain: verify the chain up to it. */
    public record AuditPosition(long sequence, String hash) {}

    public record ItemView(long id, PersonView person, @Nullable String app, @Nullable String role, @Nullable String risk,
            List<String> groups, Access access, @Nullable Instant grantedAt, @Nullable Instant lastReviewedAt, String lastLoginAt,
            List<String> flags, Suggestion suggestion, @Nullable PersonRef reviewer, String reviewerBasis,
            @Nullable String reassignReason, @Nullable DecisionView decision, @Nullable Enforcement enforcement) {}

    public record PersonView(UUID id, String email, String displayName, @Nullable String department, @Nullable String title,
            @Nullable PersonRef manager, String status) {}

    /**
     * How the access came: {@code request} (with its justification and approvers), {@code review} (a
     * membership no grant explains, kept by an earlier campaign), {@code lifecycle} (a joiner/mover rule),
     * or {@code unmanaged} (in a group Clavis manages, but not through Clavis).
     */
    public record Access(String kind, @Nullable UUID grantId, @Nullable UUID requestId, @Nullable PersonRef requestedBy,
            @Nullable String justification, List<Approval> approvals, @Nullable KeptIn keptIn) {}

    public record Approval(PersonRef by, String decision, Instant at, @Nullable String comment) {}

    public record KeptIn(UUID campaignId, String campaign, Instant at) {}

    public record Suggestion(String decision, String because) {}

    /** @param byRule decided by the campaign's rule for undecided items, not by a person */
    public record DecisionView(String decision, @Nullable PersonRef by, boolean byRule, Instant at, @Nullable String comment) {}

    public record Enforcement(String state, @Nullable String detail, @Nullable Instant removalConfirmedAt) {}

    /** A campaign in a list: no counting beyond its number of items. */
    public record CampaignSummary(UUID id, String name, String status, String reviewers, Instant deadline, long items,
            Instant createdAt, @Nullable Instant startedAt, @Nullable Instant closedAt) {}

    /** A campaign as one reviewer sees it: their share of its items. */
    public record ReviewerCampaign(UUID id, String name, String status, Instant deadline, long decided, long total) {}

    /**
     * An item in a list, with the signals a reviewer decides on, read together with its page.
     *
     * @param access how the access came: {@code request}, {@code lifecycle}, {@code review} (kept by an earlier
     *     campaign, without a grant) or {@code unmanaged}; the item's own view adds the request and its approvals
     * @param reviewer null for an item nobody could be assigned
     */
    public record ItemRow(long id, UUID campaignId, PersonRef person, @Nullable String department, String personStatus,
            @Nullable String app, @Nullable String role, @Nullable String group, @Nullable String risk, String access,
            @Nullable Instant grantedAt, @Nullable Instant lastReviewedAt, String lastLoginAt, List<String> flags,
            Suggestion suggestion, @Nullable PersonRef reviewer, String reviewerBasis, @Nullable String decision,
            boolean decidedByRule, @Nullable Instant decidedAt, @Nullable String comment, @Nullable String enforcement) {}
}
