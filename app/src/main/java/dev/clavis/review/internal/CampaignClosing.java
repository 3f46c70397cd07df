package dev.clavis.review.internal;

import dev.clavis.audit.AuditEntry;
import dev.clavis.platform.ConflictException;
import dev.clavis.review.ReviewEvents.ReviewCampaignAwaitingConfirmation;
import dev.clavis.review.ReviewEvents.ReviewCampaignClosed;
import dev.clavis.review.ReviewEvents.ReviewCampaignEscalated;
import dev.clavis.review.ReviewEvents.ReviewReminderDue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a campaign, by an admin or at the deadline: undecided items follow the campaign's rule,
 * the mass-removal guard may stop it for an admin's confirmation, and once closed every Revoke is handed
 * to enforcement. Reminders and escalation before that live here too: they all move a campaign on in time.
 */
@Service
class CampaignClosing {

    /** A group whose members a close would remove beyond the allowed share. */
    record LargeRemoval(String group, long removing, long members) {

        double percent() {
            return members == 0 ? 100 : 100.0 * removing / members;
        }
    }

    private final CampaignStore campaigns;
    private final ItemSnapshot snapshot;
    private final NamedParameterJdbcTemplate jdbc;
    private final ReviewSchedule schedule;
    private final ReviewSettings settings;
    private final ReviewAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignClosing(CampaignStore campaigns, ItemSnapshot snapshot, NamedParameterJdbcTemplate jdbc, ReviewSchedule schedule,
            ReviewSettings settings, ReviewAudit audit, ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.snapshot = snapshot;
        this.jdbc = jdbc;
        this.schedule = schedule;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Closes an active campaign, or one waiting for confirmation when {@code confirmLargeRemoval}.
     *
     * @param by the audit actor: {@code person:<id>} or {@code system}
     * @throws ConflictException when the campaign is a draft or closed, or waits for a confirmation not given
     */
    @Transactional
    Campaign close(UUID id, String by, boolean confirmLargeRemoval) {
        Campaign campaign = campaigns.lock(id).orElseThrow(() -> ReviewCampaigns.notFound(id));
        switch (campaign.status()) {
            case DRAFT -> throw new ConflictException("Campaign '" + campaign.name() + "' has not started; there is nothing to close");
            case CLOSED -> throw new ConflictException("Campaign '" + campaign.name() + "' was closed at " + campaign.closedAt());
            case AWAITING_CONFIRMATION -> {
                if (!confirmLargeRemoval) {
                    throw new ConflictException("Campaign '" + campaign.name() + "' waits for an admin's confirmation: "
                            + campaign.largeRemoval() + ". Confirm with POST /api/v1/reviews/" + id + "/close?confirmLargeRemoval=true");
                }
            }
            case ACTIVE -> applyUndecidedRule(campaign, by);
        }
        List<LargeRemoval> large = largeRemovals(id);
        if (!large.isEmpty() && !confirmLargeRemoval) {
            String detail = describe(large);
            campaigns.awaitingConfirmation(id, detail);
            audit.record("awaiting-confirmation", by, id, "groups", large.stream().map(l -> Map.of("group", l.group(),
                    "removing", l.removing(), "members", l.members())).toList());
            events.publishEvent(new ReviewCampaignAwaitingConfirmation(id, campaign.name(), detail));
            return campaigns.find(id).orElseThrow();
        }
        Instant now = clock.instant();
        jdbc.update("update review_item set enforcement = 'PENDING' where campaign_id = :campaign and decision = 'REVOKE'",
                Map.of("campaign", id));
        Map<String, Long> totals = totals(id);
        String confirmedBy = large.isEmpty() ? null : by;
        campaigns.closed(id, now, by, confirmedBy);
        AuditEntry closed = audit.recordNow("closed", by, id, "items", campaign.itemCount(), "kept", totals.get("KEEP"),
                "revoked", totals.get("REVOKE"), "undecided", totals.get("UNDECIDED"),
                "largeRemovalConfirmed", confirmedBy == null ? null : describe(large));
        campaigns.auditPosition(id, closed.sequence(), closed.hash());
        schedule.enforceNow(id);
        events.publishEvent(new ReviewCampaignClosed(id, campaign.name(), totals.get("KEEP"), totals.get("REVOKE"),
                totals.get("UNDECIDED"), by));
        return campaigns.find(id).orElseThrow();
    }

    /** At the deadline: escalate once if the rule says so, otherwise close. */
    @Transactional
    void deadlineReached(UUID id) {
        Campaign campaign = campaigns.lock(id).orElse(null);
        if (campaign == null || campaign.status() != CampaignStatus.ACTIVE || campaign.deadline().isAfter(clock.instant())) {
            return;
        }
        if (campaign.onNoDecision() == UndecidedRule.ESCALATE && campaign.escalatedAt() == null) {
            escalate(campaign);
        } else {
            close(id, "system", false);
        }
    }

    /** Reminds each reviewer who still has undecided items; {@code at} tells this reminder from the campaign's others. */
    @Transactional
    void remind(UUID id, Instant at) {
        Campaign campaign = campaigns.find(id).orElse(null);
        if (campaign == null || campaign.status() != CampaignStatus.ACTIVE) {
            return;
        }
        var reviewers = jdbc.query("""
                        select reviewer_id, count(*) as undecided from review_item
                        where campaign_id = :campaign and decision is null and reviewer_id is not null
                        group by reviewer_id""", Map.of("campaign", id),
                (rs, n) -> new ReviewReminderDue(id, campaign.name(), rs.getObject("reviewer_id", UUID.class),
                        rs.getLong("undecided"), campaign.deadline(), at));
        reviewers.forEach(events::publishEvent);
        audit.record("reminded", "system", id, "reviewers", reviewers.size(),
                "undecided", reviewers.stream().mapToLong(ReviewReminderDue::undecided).sum());
    }

    private void escalate(Campaign campaign) {
        Instant now = clock.instant();
        Instant newDeadline = now.plus(settings.escalationPeriod());
        long moved = snapshot.escalate(campaign.id());
        campaigns.escalated(campaign.id(), now, newDeadline);
        schedule.deadline(campaign.id(), newDeadline, "escalated");
        audit.record("escalated", "system", campaign.id(), "items", moved, "deadline", newDeadline.toString());
        events.publishEvent(new ReviewCampaignEscalated(campaign.id(), campaign.name(), moved, newDeadline));
    }

    private void applyUndecidedRule(Campaign campaign, String by) {
        if (campaign.onNoDecision() == UndecidedRule.ESCALATE) {
            return;
        }
        int decided = jdbc.update("""
                        update review_item set decision = :decision, decided_by_rule = true, decided_at = :at, comment = :comment
                        where campaign_id = :campaign and decision is null""",
                new MapSqlParameterSource("decision", campaign.onNoDecision().name())
                        .addValue("at", CampaignStore.time(clock.instant()))
                        .addValue("comment", "no decision by the close: " + campaign.onNoDecision().text() + ", the campaign's rule")
                        .addValue("campaign", campaign.id()));
        if (decided > 0) {
            audit.record("rule-applied", by, campaign.id(), "decision", campaign.onNoDecision().name(), "items", decided);
        }
    }

    /**
     * The groups of which the campaign's revocations would remove more than the allowed share: a
     * membership item removes its group; a grant item the groups its grant holds.
     */
    List<LargeRemoval> largeRemovals(UUID id) {
        return jdbc.query("""
                        select r.group_name, count(distinct r.person_id) as removing,
                               (select count(*) from group_membership gm join directory_group dg on dg.id = gm.group_id
                                where dg.name = r.group_name) as members
                        from (select i.group_name, i.person_id from review_item i
                              where i.campaign_id = :campaign and i.decision = 'REVOKE' and i.grant_id is null
                              union all
                              select m.group_name, i.person_id from review_item i join grant_membership m on m.grant_id = i.grant_id
                              where i.campaign_id = :campaign and i.decision = 'REVOKE' and m.state = 'PRESENT') r
                        group by r.group_name
                        order by r.group_name""", Map.of("campaign", id),
                        (rs, n) -> new LargeRemoval(rs.getString("group_name"), rs.getLong("removing"), rs.getLong("members")))
                .stream().filter(l -> l.percent() > settings.maxRemovalPercent()).toList();
    }

    /** Items per decision, with UNDECIDED for those without one. */
    Map<String, Long> totals(UUID id) {
        Map<String, Long> totals = new java.util.HashMap<>(Map.of("KEEP", 0L, "REVOKE", 0L, "UNDECIDED", 0L));
        jdbc.query("""
                        select coalesce(decision, 'UNDECIDED') as decision, count(*) as n from review_item
                        where campaign_id = :campaign group by coalesce(decision, 'UNDECIDED')""",
                Map.of("campaign", id), rs -> {
                    totals.put(rs.getString("decision"), rs.getLong("n"));
                });
        return totals;
    }

    private String describe(List<LargeRemoval> large) {
        return large.stream().map(l -> String.format(Locale.ROOT, "%s would lose %d of %d members (%.0f %%)", l.group(), l.removing(),
                        l.members(), l.percent()))
                .collect(Collectors.joining("; ")) + String.format(Locale.ROOT, ", more than the %.0f %% allowed",
                settings.maxRemovalPercent());
    }
}
