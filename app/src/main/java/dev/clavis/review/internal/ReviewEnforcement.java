package dev.clavis.review.internal;

import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantRemovalConfirmed;
import dev.clavis.grant.GrantRemovalFailed;
import dev.clavis.grant.Grants;
import dev.clavis.provisioning.MembershipChangeConfirmed;
import dev.clavis.provisioning.MembershipChangeFailed;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out a closed campaign's revocations, a batch per transaction, through the same durable paths
 * as any other removal: a grant is revoked (its memberships leave the directory as at expiry), a
 * membership no grant explains gets a removal task of its own. Each item then waits for the directory's
 * confirmation (or refusal), which the listeners below record in the transaction that records the
 * directory's answer. Re-running after a crash skips items already handed on.
 */
@Component
class ReviewEnforcement {

    private static final String REFERENCE = "review-item:";

    private record Pending(long id, UUID personId, @Nullable UUID grantId, @Nullable String groupName) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final CampaignStore campaigns;
    private final Grants grants;
    private final ProvisioningQueue provisioning;
    private final ReviewAudit audit;
    private final ReviewSettings settings;
    private final TransactionTemplate transactions;

    ReviewEnforcement(NamedParameterJdbcTemplate jdbc, CampaignStore campaigns, Grants grants, ProvisioningQueue provisioning,
            ReviewAudit audit, ReviewSettings settings, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.grants = grants;
        this.provisioning = provisioning;
        this.audit = audit;
        this.settings = settings;
        this.transactions = transactions;
    }

    void enforce(UUID campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElse(null);
        if (campaign == null || campaign.status() != CampaignStatus.CLOSED) {
            return;
        }
        long after = 0;
        while (true) {
            long from = after;
            Long last = transactions.execute(tx -> batch(campaign, from));
            if (last == null) {
                return;
            }
            after = last;
        }
    }

    /** @return the last item handed on, or null when none was left */
    private @Nullable Long batch(Campaign campaign, long after) {
        List<Pending> items = jdbc.query("""
                        select id, person_id, grant_id, group_name from review_item
                        where campaign_id = :campaign and enforcement = 'PENDING' and id > :after
                        order by id fetch first %d rows only""".formatted(settings.enforcementBatch()),
                Map.of("campaign", campaign.id(), "after", after),
                (rs, n) -> new Pending(rs.getLong("id"), rs.getObject("person_id", UUID.class), rs.getObject("grant_id", UUID.class),
                        rs.getString("group_name")));
        for (Pending item : items) {
            if (item.grantId() != null) {
                revokeGrant(campaign, item);
            } else {
                provisioning.enqueue(List.of(new MembershipTask(MembershipOperation.REMOVE, item.groupName(), item.personId(),
                        REFERENCE + item.id())));
                state(item.id(), "REMOVING", "removal of the membership queued", null);
            }
        }
        return items.isEmpty() ? null : items.get(items.size() - 1).id();
    }

    private void revokeGrant(Campaign campaign, Pending item) {
        boolean revoked = grants.revokeOnReview(item.grantId(), "access review '" + campaign.name() + "': revoked",
                campaign.subject());
        Optional<Grant> grant = grants.find(item.grantId());
        if (!revoked) {
            Instant confirmed = grant.map(Grant::removalConfirmedAt).orElse(null);
            state(item.id(), confirmed == null ? "REMOVING" : "CONFIRMED",
                    "the grant had already ended (" + grant.map(g -> g.status().name()).orElse("gone") + ")", confirmed);
            return;
        }
        Grant after = grant.orElseThrow();
        if (after.removalConfirmedAt() != null) {
            state(item.id(), "CONFIRMED", "nothing to remove: " + retained(after), after.removalConfirmedAt());
        } else {
            state(item.id(), "REMOVING", "grant revoked; removal from the directory queued", null);
        }
    }

    private static String retained(Grant grant) {
        return grant.memberships().stream().map(m -> m.groupName() + " " + m.state().toLowerCase()
                + (m.detail() == null ? "" : " (" + m.detail() + ")")).reduce((a, b) -> a + ", " + b).orElse("no memberships");
    }

    @EventListener
    void on(GrantRemovalConfirmed confirmed) {
        jdbc.query("select id, campaign_id from review_item where grant_id = :grant and enforcement = 'REMOVING'",
                Map.of("grant", confirmed.grantId()),
                rs -> {
                    confirmed(rs.getLong("id"), rs.getObject("campaign_id", UUID.class), confirmed.confirmedAt(),
                            "the directory confirmed the grant's memberships are gone");
                });
    }

    @EventListener
    void on(MembershipChangeConfirmed confirmed) {
        itemOf(confirmed.reference()).ifPresent(id -> campaignOf(id).ifPresent(campaign -> confirmed(id, campaign,
                confirmed.confirmedAt(), "the directory answered " + confirmed.outcome().name())));
    }

    @EventListener
    void on(MembershipChangeFailed failed) {
        itemOf(failed.reference()).ifPresent(id -> campaignOf(id).ifPresent(campaign -> failed(id, campaign, failed.groupName(),
                failed.error())));
    }

    @EventListener
    void on(GrantRemovalFailed failed) {
        jdbc.query("select id, campaign_id from review_item where grant_id = :grant and enforcement = 'REMOVING'",
                Map.of("grant", failed.grantId()),
                rs -> {
                    failed(rs.getLong("id"), rs.getObject("campaign_id", UUID.class), failed.group(), failed.error());
                });
    }

    private void failed(long id, UUID campaign, String group, String error) {
        state(id, "FAILED", error, null);
        audit.record("removal-failed", "directory", campaign, "item", id, "group", group, "error", error);
    }

    private void confirmed(long id, UUID campaign, Instant at, String detail) {
        state(id, "CONFIRMED", detail, at);
        audit.record("removal-confirmed", "directory", campaign, "item", id, "confirmedAt", at.toString());
    }

    private void state(long id, String state, String detail, @Nullable Instant confirmedAt) {
        jdbc.update("""
                        update review_item set enforcement = :state, enforcement_detail = :detail, removal_confirmed_at = :at
                        where id = :id""",
                new MapSqlParameterSource("state", state).addValue("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                        .addValue("at", CampaignStore.time(confirmedAt)).addValue("id", id));
    }

    private Optional<UUID> campaignOf(long itemId) {
        return jdbc.query("select campaign_id from review_item where id = :id and enforcement in ('REMOVING', 'FAILED')",
                Map.of("id", itemId), (rs, n) -> rs.getObject("campaign_id", UUID.class)).stream().findFirst();
    }

    private static Optional<Long> itemOf(String reference) {
        if (!reference.startsWith(REFERENCE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(reference.substring(REFERENCE.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
