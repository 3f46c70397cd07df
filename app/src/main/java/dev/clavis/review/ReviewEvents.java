package dev.clavis.review;

import java.time.Instant;
import java.util.UUID;

/** What happens to review campaigns, for other modules (messages, tickets) to act on. */
public final class ReviewEvents {

    private ReviewEvents() {}

    /** A campaign's items were snapshot and assigned; reviewers can start. */
    public record ReviewCampaignStarted(UUID campaignId, String name, Instant deadline, long items, long reviewers) {}

    /**
     * A reviewer still has undecided items and the deadline is near: one event per reviewer, the
     * makings of a direct message or of one ticket per reviewer.
     */
    public record ReviewReminderDue(UUID campaignId, String name, UUID reviewerId, long undecided, Instant deadline,
            Instant remindedAt) {}

    /** Undecided items moved to the next reviewer at the deadline; the campaign runs on until {@code newDeadline}. */
    public record ReviewCampaignEscalated(UUID campaignId, String name, long items, Instant newDeadline) {}

    /** An item went to another reviewer. */
    public record ReviewItemReassigned(UUID campaignId, long itemId, UUID fromReviewerId, UUID toReviewerId, String reason,
            String by) {}

    /** Closing would remove more than the allowed share of a group: an admin must confirm. */
    public record ReviewCampaignAwaitingConfirmation(UUID campaignId, String name, String detail) {}

    /** Decisions are final; revocations are on their way to the directory. */
    public record ReviewCampaignClosed(UUID campaignId, String name, long kept, long revoked, long undecided, String by) {}
}
