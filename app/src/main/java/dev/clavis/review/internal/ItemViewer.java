package dev.clavis.review.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grant;
import dev.clavis.grant.Grants;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.review.ReviewViews.Access;
import dev.clavis.review.ReviewViews.Approval;
import dev.clavis.review.ReviewViews.DecisionView;
import dev.clavis.review.ReviewViews.Enforcement;
import dev.clavis.review.ReviewViews.ItemView;
import dev.clavis.review.ReviewViews.KeptIn;
import dev.clavis.review.ReviewViews.PersonRef;
import dev.clavis.review.ReviewViews.PersonView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a reviewer sees of an item: the person as the directory has them now, how the access came, when
 * it was granted and last kept, and the signals that suggest a decision.
 */
@Component
class ItemViewer {

    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final Grants grants;
    private final AccessRequests requests;
    private final Signals signals;

    ItemViewer(NamedParameterJdbcTemplate jdbc, Directory directory, Grants grants, AccessRequests requests, Signals signals) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.grants = grants;
        this.requests = requests;
        this.signals = signals;
    }

    StoredItem item(UUID campaignId, long itemId) {
        return jdbc.query("select * from review_item where campaign_id = :campaign and id = :id",
                        Map.of("campaign", campaignId, "id", itemId), StoredItem::map)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Review campaign " + campaignId + " has no item " + itemId));
    }

    ItemView view(StoredItem item) {
        Person person = directory.person(item.personId()).orElseThrow();
        Optional<Grant> grant = item.grantId() == null ? Optional.empty() : grants.find(item.grantId());
        List<String> groups = grant.map(Grant::groups).orElseGet(() -> item.groupName() == null ? List.of() : List.of(item.groupName()));
        Optional<KeptIn> lastKept = lastKept(item);
        List<String> flags = signals.flags(person.status(), person.lastLoginAt());
        return new ItemView(
                item.id(),
                personView(person),
                item.appId(),
                item.roleId(),
                item.risk(),
                groups,
                access(item, grant, lastKept),
                item.grantedAt(),
                lastKept.map(KeptIn::at).orElse(null),
                person.lastLoginAt() == null ? "never" : person.lastLoginAt().toString(),
                flags,
                Signals.suggestion(person.lastLoginAt(), flags),
                ref(item.reviewerId()),
                item.reviewerBasis(),
                item.reassignReason(),
                item.decision() == null || item.decidedAt() == null ? null
                        : new DecisionView(item.decision(), ref(item.decidedBy()), item.decidedByRule(), item.decidedAt(), item.comment()),
                item.enforcement() == null ? null
                        : new Enforcement(item.enforcement(), item.enforcementDetail(), item.removalConfirmedAt()));
    }

    private Access access(StoredItem item, Optional<Grant> grant, Optional<KeptIn> lastKept) {
        if (item.grantId() == null) {
            return lastKept.isPresent()
                    ? new Access("review", null, null, null, null, List.of(), lastKept.get())
                    : new Access("unmanaged", null, null, null, null, List.of(), null);
        }
        UUID requestId = grant.map(Grant::requestId).orElse(null);
        if (!"request".equals(item.source()) || requestId == null) {
            return new Access(item.source(), item.grantId(), null, null, null, List.of(), lastKept.orElse(null));
        }
        AccessRequestView request = requests.get(requestId);
        List<Approval> approvals = request.approvals().stream()
                .flatMap(stage -> stage.decisions().stream())
                .map(d -> new Approval(ref(d.decidedBy()), d.decision(), d.decidedAt(), d.comment()))
                .toList();
        return new Access("request", item.grantId(), requestId, ref(request.requester()), request.justification(),
                approvals, lastKept.orElse(null));
    }

    /** The latest closed campaign that kept the same access of the same person. */
    private Optional<KeptIn> lastKept(StoredItem item) {
        String same = item.grantId() != null ? "i.grant_id = :grant" : "i.grant_id is null and i.group_name = :group";
        return jdbc.query("""
                        select c.id, c.name, i.decided_at from review_item i join review_campaign c on c.id = i.campaign_id
                        where i.person_id = :person and i.campaign_id <> :campaign and c.status = 'CLOSED'
                          and i.decision = 'KEEP' and %s
                        order by i.decided_at desc fetch first 1 rows only""".formatted(same),
                new MapSqlParameterSource("person", item.personId()).addValue("campaign", item.campaignId())
                        .addValue("grant", item.grantId()).addValue("group", item.groupName()),
                (rs, n) -> new KeptIn(rs.getObject("id", UUID.class), rs.getString("name"),
                        CampaignStore.instant(rs, "decided_at"))).stream().findFirst();
    }

    private PersonView personView(Person person) {
        return new PersonView(person.id(), person.email(), person.displayName(), person.department(), person.title(),
                ref(person.managerId()), person.status().name());
    }

    @Nullable PersonRef ref(@Nullable UUID id) {
        return id == null ? null : directory.person(id).map(p -> new PersonRef(p.id(), p.email(), p.displayName())).orElse(null);
    }

    private static PersonRef ref(AccessRequestView.PersonRef person) {
        return new PersonRef(person.id(), person.email(), person.displayName());
    }
}
