package dev.clavis.review;

import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.review.ReviewViews.CampaignSummary;
import dev.clavis.review.ReviewViews.CampaignView;
import dev.clavis.review.ReviewViews.ItemRow;
import dev.clavis.review.ReviewViews.ItemView;
import dev.clavis.review.ReviewViews.ReviewerCampaign;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Access reviews for other modules (the web console). Each call goes through the same services as the
 * API, so the same rules hold: nobody reviews their own access, only an item's reviewer decides it, a
 * Keep of privileged access needs a comment, and a close that would empty a group waits for a confirmation.
 * Who may run campaigns (admins) is the caller's to check, as the API checks its token's scope.
 */
public interface Reviews {

    /** A campaign as asked for, before it is checked: the fields of {@code POST /api/v1/reviews}. */
    record Definition(@Nullable String name, @Nullable ScopeInput scope, @Nullable String reviewers, @Nullable String deadline,
            @Nullable String onNoDecision) {}

    record ScopeInput(@Nullable List<String> apps, @Nullable List<String> roles, @Nullable List<String> groups,
            @Nullable List<String> departments) {}

    /**
     * Which items of a campaign to list, a page at a time in id order.
     *
     * @param reviewer whose items; null for everyone's (or, with {@code unassigned}, for items nobody could take)
     * @param suggestion {@code keep} or {@code revoke}: only items whose signals suggest it; null for any
     * @param after the last item id of the previous page; 0 for the first
     */
    record ItemQuery(UUID campaign, @Nullable UUID reviewer, boolean unassigned, boolean undecidedOnly,
            @Nullable String suggestion, long after, int size) {}

    /**
     * @throws InvalidInputException naming every bad field; nothing is created
     */
    CampaignView create(Definition definition, boolean start, String createdBy, UUID creatorId);

    /** @throws ConflictException when the campaign started already or its deadline has passed */
    CampaignView start(UUID campaign, UUID by);

    /**
     * Ends the campaign; one whose revocations would remove too large a share of a group waits,
     * AWAITING_CONFIRMATION, until closed again with {@code confirmLargeRemoval}.
     */
    CampaignView close(UUID campaign, UUID by, boolean confirmLargeRemoval);

    /** The campaign with its totals and each reviewer's progress. @throws NotFoundException */
    CampaignView campaign(UUID campaign);

    /** Newest first, created before the given campaign (null for the newest). */
    List<CampaignSummary> campaigns(@Nullable Instant before, @Nullable UUID beforeId, int size);

    /** The campaigns open for decisions in which the person has items to review, soonest deadline first. */
    List<ReviewerCampaign> openCampaignsOf(UUID reviewer);

    /** A page of items with their signals, read in one statement. */
    List<ItemRow> items(ItemQuery query);

    /**
     * One item with everything a reviewer weighs (how the access came, its approvals).
     *
     * @param seesAll admins and auditors see every item; others only the items they review
     * @throws ForbiddenException when the item is not the viewer's to review
     */
    ItemView item(UUID campaign, long item, UUID viewer, boolean seesAll);

    /**
     * Keep or revoke one item or many, all or nothing.
     *
     * @return how many were decided
     * @throws ForbiddenException for an item of the reviewer's own access, or another reviewer's
     */
    int decide(UUID campaign, List<Long> items, @Nullable String decision, @Nullable String comment, UUID reviewer);

    /** @param admin whether the caller may reassign any item, not only one they review */
    void reassign(UUID campaign, long item, @Nullable String to, @Nullable String reason, UUID by, boolean admin);

    /** The campaign's evidence as {@code GET /api/v1/reviews/{id}/evidence?format=csv} writes it. */
    void evidenceCsv(UUID campaign, OutputStream out);

    /** The campaign's evidence as {@code GET /api/v1/reviews/{id}/evidence?format=json} writes it. */
    void evidenceJson(UUID campaign, OutputStream out);
}
