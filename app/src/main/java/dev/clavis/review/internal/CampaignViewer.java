package dev.clavis.review.internal;

import dev.clavis.review.ReviewViews.AuditPosition;
import dev.clavis.review.ReviewViews.CampaignView;
import dev.clavis.review.ReviewViews.PersonRef;
import dev.clavis.review.ReviewViews.Progress;
import dev.clavis.review.ReviewViews.Totals;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A campaign with its totals and each reviewer's progress, counted by the database. */
@Component
class CampaignViewer {

    private final NamedParameterJdbcTemplate jdbc;

    CampaignViewer(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    CampaignView view(Campaign campaign) {
        return new CampaignView(campaign.id(), campaign.name(), campaign.status().name(), campaign.scope(),
                campaign.reviewers().text(), campaign.deadline(), campaign.onNoDecision().text(), campaign.createdBy(),
                campaign.createdAt(), campaign.startedAt(), campaign.escalatedAt(), campaign.closedAt(), campaign.closedBy(),
                campaign.catalogVersion(), campaign.itemCount(), totals(campaign.id()), progress(campaign.id()),
                campaign.largeRemoval(), campaign.largeRemovalConfirmedBy(),
                campaign.auditSequence() == null ? null : new AuditPosition(campaign.auditSequence(), campaign.auditHash()));
    }

    Totals totals(UUID campaign) {
        long[] counts = new long[8];
        jdbc.query("""
                        select decision, enforcement, count(*) as n from review_item where campaign_id = :campaign
                        group by decision, enforcement""", Map.of("campaign", campaign), rs -> {
                    String decision = rs.getString("decision");
                    String enforcement = rs.getString("enforcement");
                    long n = rs.getLong("n");
                    counts[0] += n;
                    if (decision == null) {
                        counts[4] += n;
                    } else {
                        counts[1] += n;
                        counts[decision.equals("KEEP") ? 2 : 3] += n;
                    }
                    if ("CONFIRMED".equals(enforcement)) {
                        counts[5] += n;
                    } else if ("PENDING".equals(enforcement) || "REMOVING".equals(enforcement)) {
                        counts[6] += n;
                    } else if ("FAILED".equals(enforcement)) {
                        counts[7] += n;
                    }
                });
        return new Totals(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
    }

    private List<Progress> progress(UUID campaign) {
        return jdbc.query("""
                        select i.reviewer_id, p.email, p.display_name, count(*) as total, count(i.decision) as decided
                        from review_item i left join person p on p.id = i.reviewer_id
                        where i.campaign_id = :campaign
                        group by i.reviewer_id, p.email, p.display_name
                        order by p.email""", Map.of("campaign", campaign),
                (rs, n) -> {
                    UUID reviewer = rs.getObject("reviewer_id", UUID.class);
                    return new Progress(reviewer == null ? null : new PersonRef(reviewer, rs.getString("email"), rs.getString("display_name")),
                            rs.getLong("decided"), rs.getLong("total"));
                });
    }
}
