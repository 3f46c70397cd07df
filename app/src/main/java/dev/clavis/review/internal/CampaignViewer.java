package dev.clavis.review.internal;

import dev.clavis.review.ReviewViews.AuditPosition;
import dev.clavis.review.ReviewViews.CampaignView;
import dev.clavis.review.ReviewViews.PersonRef;
import dev.clavis.review.ReviewViews.Progress;
import dev.clavis.review.ReviewViews.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A campaign with its totals and each reviewer's progress, counted by the database in one pass over
 * the items (grouped by reviewer, decision and enforcement, which an index covers); the reviewers'
 * names are read afterwards, for the few reviewers rather than for every item.
 */
@Component
class CampaignViewer {

    /** Reviewers named per statement, under every driver's limit on bound parameters. */
    private static final int NAMES_PER_QUERY = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    CampaignViewer(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    CampaignView view(Campaign campaign) {
        Counts counts = count(campaign.id());
        return new CampaignView(campaign.id(), campaign.name(), campaign.status().name(), campaign.scope(),
                campaign.reviewers().text(), campaign.deadline(), campaign.onNoDecision().text(), campaign.createdBy(),
                campaign.createdAt(), campaign.startedAt(), campaign.escalatedAt(), campaign.closedAt(), campaign.closedBy(),
                campaign.catalogVersion(), campaign.itemCount(), counts.totals(), progress(counts.byReviewer()),
                campaign.largeRemoval(), campaign.largeRemovalConfirmedBy(),
                campaign.auditSequence() == null ? null : new AuditPosition(campaign.auditSequence(), campaign.auditHash()));
    }

    /** @param byReviewer decided and total per reviewer; the null key holds the items nobody could be assigned */
    private record Counts(Totals totals, Map<@Nullable UUID, long[]> byReviewer) {}

    private Counts count(UUID campaign) {
        long[] totals = new long[8];
        var byReviewer = new LinkedHashMap<@Nullable UUID, long[]>();
        jdbc.query("""
                        select reviewer_id, decision, enforcement, count(*) as n from review_item where campaign_id = :campaign
                        group by reviewer_id, decision, enforcement""", Map.of("campaign", campaign), rs -> {
                    String decision = rs.getString("decision");
                    String enforcement = rs.getString("enforcement");
                    long n = rs.getLong("n");
                    long[] share = byReviewer.computeIfAbsent(rs.getObject("reviewer_id", UUID.class), r -> new long[2]);
                    share[1] += n;
                    totals[0] += n;
                    if (decision == null) {
                        totals[4] += n;
                    } else {
                        share[0] += n;
                        totals[1] += n;
                        totals[decision.equals("KEEP") ? 2 : 3] += n;
                    }
                    if ("CONFIRMED".equals(enforcement)) {
                        totals[5] += n;
                    } else if ("PENDING".equals(enforcement) || "REMOVING".equals(enforcement)) {
                        totals[6] += n;
                    } else if ("FAILED".equals(enforcement)) {
                        totals[7] += n;
                    }
                });
        return new Counts(new Totals(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], totals[7]),
                byReviewer);
    }

    /** By reviewer's email; the unassigned items last. */
    private List<Progress> progress(Map<@Nullable UUID, long[]> byReviewer) {
        var reviewers = byReviewer.keySet().stream().filter(id -> id != null).toList();
        var names = new HashMap<UUID, PersonRef>();
        for (int from = 0; from < reviewers.size(); from += NAMES_PER_QUERY) {
            var chunk = reviewers.subList(from, Math.min(reviewers.size(), from + NAMES_PER_QUERY));
            jdbc.query("select id, email, display_name from person where id in (:ids)", Map.of("ids", chunk), rs -> {
                UUID id = rs.getObject("id", UUID.class);
                names.put(id, new PersonRef(id, rs.getString("email"), rs.getString("display_name")));
            });
        }
        var progress = new ArrayList<Progress>();
        byReviewer.forEach((id, share) -> progress.add(new Progress(id == null ? null : names.get(id), share[0], share[1])));
        progress.sort(Comparator.comparing((Progress p) -> p.reviewer() == null ? null : p.reviewer().email(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return progress;
    }
}
