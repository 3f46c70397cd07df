package dev.clavis.review.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.directory.PersonStatus;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.review.ReviewEvents.ReviewItemReassigned;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * Keep and Revoke, one item or many in one call, by the item's reviewer only, never on their own
 * access; changeable until the campaign closes. A call is all or nothing: one item the caller may not
 * decide and none is decided.
 */
@Service
class ReviewDecisions {

    enum Decision {
        KEEP,
        REVOKE;

        static Decision parse(@Nullable String text) {
            String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            try {
                return valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("decision", "must be keep or revoke, not '" + text + "'");
            }
        }
    }

    /** The most items one call may decide. */
    static final int MAX_ITEMS = 50_000;
    /** Items read or written per statement, under every driver's limit on bound parameters. */
    private static final int CHUNK = 1000;

    private record ItemKey(long id, UUID personId, @Nullable UUID reviewerId, @Nullable String risk) {}

    private final CampaignStore campaigns;
    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final ReviewAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewDecisions(CampaignStore campaigns, NamedParameterJdbcTemplate jdbc, Directory directory, ReviewAudit audit,
            ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @return how many items were decided
     * @throws ForbiddenException when an item is the caller's own access or another reviewer's
     * @throws InvalidInputException for no items, too many, or a Keep of a privileged role without a comment
     * @throws ConflictException when the campaign is not open for decisions
     */
    @Transactional
    int decide(UUID campaignId, List<Long> itemIds, Decision decision, @Nullable String comment, UUID reviewer) {
        var ids = new LinkedHashSet<>(itemIds);
        if (ids.isEmpty()) {
            throw new InvalidInputException("items", "name at least one item");
        }
        if (ids.size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "at most " + MAX_ITEMS + " items per call, not " + ids.size());
        }
        Campaign campaign = openForDecisions(campaignId);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 4000) {
            throw new InvalidInputException("comment", "at most 4000 characters");
        }
        List<ItemKey> items = read(campaignId, List.copyOf(ids));
        if (items.size() < ids.size()) {
            var found = items.stream().map(ItemKey::id).collect(Collectors.toSet());
            throw new NotFoundException("Campaign '" + campaign.name() + "' has no item(s) "
                    + ids.stream().filter(id -> !found.contains(id)).limit(20).map(String::valueOf).collect(Collectors.joining(", ")));
        }
        for (ItemKey item : items) {
            if (item.personId().equals(reviewer)) {
                throw new ForbiddenException("Nobody reviews their own access: item " + item.id()
                        + " is yours; it goes to another reviewer (an admin can reassign it)");
            }
            if (!reviewer.equals(item.reviewerId())) {
                throw new ForbiddenException("Item " + item.id() + " is not yours to review; its reviewer decides it, or an admin reassigns it");
            }
            if (decision == Decision.KEEP && "privileged".equals(item.risk()) && note == null) {
                throw new InvalidInputException("comment", "keeping privileged access needs a comment saying why (item "
                        + item.id() + ")");
            }
        }
        Instant now = clock.instant();
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            jdbc.update("""
                    update review_item set decision = :decision, decided_by = :by, decided_by_rule = false, decided_at = :at,
                                           comment = :comment
                    where campaign_id = :campaign and id in (:ids)""",
                    new MapSqlParameterSource("decision", decision.name()).addValue("by", reviewer)
                            .addValue("at", CampaignStore.time(now)).addValue("comment", note)
                            .addValue("campaign", campaignId).addValue("ids", chunk));
        }
        audit.record("decided", ReviewAudit.person(reviewer), campaignId, "decision", decision.name(), "comment", note,
                "items", List.copyOf(ids));
        return ids.size();
    }

    /**
     * Gives an item to another reviewer; any decision made on it is cleared for them to make.
     *
     * @param admin whether the caller may reassign any item, not only their own
     */
    @Transactional
    void reassign(UUID campaignId, long itemId, @Nullable String to, @Nullable String reason, @Nullable UUID by, boolean admin) {
        Campaign campaign = openForDecisions(campaignId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "say why the item goes to another reviewer");
        }
        Person next = directory.resolve(to == null ? "" : to.strip())
                .orElseThrow(() -> new InvalidInputException("reviewer", "no person '" + to + "' in the directory"));
        ItemKey item = read(campaignId, List.of(itemId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Campaign '" + campaign.name() + "' has no item " + itemId));
        if (!admin && (by == null || !by.equals(item.reviewerId()))) {
            throw new ForbiddenException("Only the item's reviewer or an admin may reassign it");
        }
        if (next.status() != PersonStatus.ACTIVE) {
            throw new InvalidInputException("reviewer", next.email() + " is " + next.status() + " and cannot review");
        }
        if (next.id().equals(item.personId())) {
            throw new InvalidInputException("reviewer", "nobody reviews their own access: item " + itemId + " is " + next.email() + "'s");
        }
        if (next.id().equals(item.reviewerId())) {
            throw new ConflictException("Item " + itemId + " is already " + next.email() + "'s to review");
        }
        jdbc.update("""
                update review_item set reviewer_id = :to, reviewer_basis = :basis, reassign_reason = :reason,
                                       decision = null, decided_by = null, decided_at = null, comment = null, decided_by_rule = false
                where id = :id""",
                new MapSqlParameterSource("to", next.id()).addValue("basis", "reassigned").addValue("reason", why)
                        .addValue("id", itemId));
        audit.record("reassigned", ReviewAudit.person(by), campaignId, "item", itemId,
                "from", String.valueOf(item.reviewerId()), "to", next.id().toString(), "reason", why);
        if (item.reviewerId() != null) {
            events.publishEvent(new ReviewItemReassigned(campaignId, itemId, item.reviewerId(), next.id(), why, ReviewAudit.person(by)));
        }
    }

    private Campaign openForDecisions(UUID campaignId) {
        Campaign campaign = campaigns.lock(campaignId).orElseThrow(() -> ReviewCampaigns.notFound(campaignId));
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw new ConflictException("Campaign '" + campaign.name() + "' is " + campaign.status()
                    + "; decisions are made while it is ACTIVE");
        }
        return campaign;
    }

    private List<ItemKey> read(UUID campaignId, List<Long> ids) {
        var items = new ArrayList<ItemKey>(ids.size());
        for (List<Long> chunk : chunks(ids)) {
            items.addAll(jdbc.query("""
                            select id, person_id, reviewer_id, risk from review_item where campaign_id = :campaign and id in (:ids)""",
                    Map.of("campaign", campaignId, "ids", chunk),
                    (rs, n) -> new ItemKey(rs.getLong("id"), rs.getObject("person_id", UUID.class),
                            rs.getObject("reviewer_id", UUID.class), rs.getString("risk"))));
        }
        return items;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        var chunks = new ArrayList<List<Long>>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }
}
