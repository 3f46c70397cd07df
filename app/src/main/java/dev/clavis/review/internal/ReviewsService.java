package dev.clavis.review.internal;

import dev.clavis.platform.ForbiddenException;
import dev.clavis.review.ReviewViews.CampaignSummary;
import dev.clavis.review.ReviewViews.CampaignView;
import dev.clavis.review.ReviewViews.ItemRow;
import dev.clavis.review.ReviewViews.ItemView;
import dev.clavis.review.ReviewViews.ReviewerCampaign;
import dev.clavis.review.Reviews;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** {@link Reviews} for other modules, by the services the API uses. */
@Service
class ReviewsService implements Reviews {

    private final ReviewCampaigns campaigns;
    private final ReviewDecisions decisions;
    private final CampaignClosing closing;
    private final CampaignViewer campaignViewer;
    private final ItemViewer itemViewer;
    private final ItemRows rows;
    private final Evidence evidence;

    ReviewsService(ReviewCampaigns campaigns, ReviewDecisions decisions, CampaignClosing closing, CampaignViewer campaignViewer,
            ItemViewer itemViewer, ItemRows rows, Evidence evidence) {
        this.campaigns = campaigns;
        this.decisions = decisions;
        this.closing = closing;
        this.campaignViewer = campaignViewer;
        this.itemViewer = itemViewer;
        this.rows = rows;
        this.evidence = evidence;
    }

    @Override
    public CampaignView create(Definition definition, boolean start, String createdBy, UUID creatorId) {
        Campaign campaign = campaigns.create(definition, createdBy, creatorId);
        if (start) {
            campaign = campaigns.start(campaign.id(), creatorId);
        }
        return campaignViewer.view(campaign);
    }

    @Override
    public CampaignView start(UUID campaign, UUID by) {
        return campaignViewer.view(campaigns.start(campaign, by));
    }

    @Override
    public CampaignView close(UUID campaign, UUID by, boolean confirmLargeRemoval) {
        return campaignViewer.view(closing.close(campaign, ReviewAudit.person(by), confirmLargeRemoval));
    }

    @Override
    public CampaignView campaign(UUID campaign) {
        return campaignViewer.view(campaigns.get(campaign));
    }

    @Override
    public List<CampaignSummary> campaigns(@Nullable Instant before, @Nullable UUID beforeId, int size) {
        return campaigns.page(before, beforeId, size).stream()
                .map(c -> new CampaignSummary(c.id(), c.name(), c.status().name(), c.reviewers().text(), c.deadline(), c.itemCount(),
                        c.createdAt(), c.startedAt(), c.closedAt()))
                .toList();
    }

    @Override
    public List<ReviewerCampaign> openCampaignsOf(UUID reviewer) {
        return rows.openCampaignsOf(reviewer);
    }

    @Override
    public List<ItemRow> items(ItemQuery query) {
        campaigns.get(query.campaign());
        return rows.page(query);
    }

    @Override
    public ItemView item(UUID campaign, long item, UUID viewer, boolean seesAll) {
        StoredItem stored = itemViewer.item(campaign, item);
        if (!seesAll && !viewer.equals(stored.reviewerId())) {
            throw new ForbiddenException("Item " + item + " is not yours to review");
        }
        return itemViewer.view(stored);
    }

    @Override
    public int decide(UUID campaign, List<Long> items, @Nullable String decision, @Nullable String comment, UUID reviewer) {
        return decisions.decide(campaign, items, ReviewDecisions.Decision.parse(decision), comment, reviewer);
    }

    @Override
    public void reassign(UUID campaign, long item, @Nullable String to, @Nullable String reason, UUID by, boolean admin) {
        decisions.reassign(campaign, item, to, reason, by, admin);
    }

    @Override
    public void evidenceCsv(UUID campaign, OutputStream out) {
        evidence.csv(campaign(campaign), out);
    }

    @Override
    public void evidenceJson(UUID campaign, OutputStream out) {
        evidence.json(campaign(campaign), out);
    }
}
