package dev.clavis.review.internal;

enum CampaignStatus {
    /** Defined, not started: no items yet. */
    DRAFT,
    /** Items snapshot; reviewers decide. */
    ACTIVE,
    /** A close would remove too large a share of a group; decisions are frozen until an admin confirms. */
    AWAITING_CONFIRMATION,
    /** Decisions are final; revocations are carried out (each item tracks its own). */
    CLOSED
}
