package dev.clavis.request.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequestView.PersonRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a request's view: stages with their approvers and decisions, and the timeline. A fixed number of
 * reads per request, whatever the number of approvers: a group stage may name a whole department.
 */
@Component
class RequestViews {

    private final RequestStore store;
    private final JdbcClient jdbc;
    private final Directory directory;

    RequestViews(RequestStore store, JdbcClient jdbc, Directory directory) {
        this.store = store;
        this.jdbc = jdbc;
        this.directory = directory;
    }

    private record StageRow(int index, String rule, boolean requireAll, String status, int escalation) {}

    private record DecisionRow(int stage, String decision, UUID by, Instant at, String channel, @Nullable String comment) {}

    /** A request's stages, their approvers and the decisions taken, as stored. */
    private record Staging(List<StageRow> stages, Map<Integer, List<UUID>> approvers, List<DecisionRow> decisions) {

        /** What an automatically approved request has: it never had a stage, an approver or a decision. */
        static final Staging NONE = new Staging(List.of(), Map.of(), List.of());
    }

    AccessRequestView view(UUID requestId) {
        return view(requestId, List.of());
    }

    /** @param known people the caller has in hand (the requester, say): they are not read again */
    AccessRequestView view(UUID requestId, Collection<Person> known) {
        RequestStore.WithTimeline read = store.findWithTimeline(requestId)
                .orElseThrow(() -> new NotFoundException("There is no request " + requestId));
        StoredRequest r = read.request();
        Staging staging = r.automatic() ? Staging.NONE : staging(requestId);
        Map<UUID, Person> people = new HashMap<>();
        known.forEach(person -> people.put(person.id(), person));
        List<UUID> unknown = Stream.of(Stream.of(r.requesterId(), r.beneficiaryId()),
                        staging.approvers().values().stream().flatMap(List::stream), staging.decisions().stream().map(DecisionRow::by))
                .flatMap(s -> s).filter(id -> !people.containsKey(id)).distinct().toList();
        people.putAll(directory.people(unknown));
        List<AccessRequestView.Stage> stages = staging.stages().stream()
                .map(s -> new AccessRequestView.Stage(s.index() + 1, s.rule(), s.requireAll() ? "all" : "one", s.status(),
                        s.escalation(), staging.approvers().getOrDefault(s.index(), List.of()).stream().map(id -> ref(id, people)).toList(),
                        staging.decisions().stream().filter(d -> d.stage() == s.index())
                                .map(d -> new AccessRequestView.Decision(d.decision(), ref(d.by(), people), d.at(), d.channel(),
                                        d.comment()))
                                .toList()))
                .toList();
        PersonRef requester = ref(r.requesterId(), people);
        PersonRef beneficiary = ref(r.beneficiaryId(), people);
        var ticket = r.ticketSystem() == null ? null : new AccessRequestView.Ticket(r.ticketSystem(), r.ticketKey(), r.ticketUrl());
        return new AccessRequestView(r.id(), r.status().name(), requester, beneficiary, r.appId(),
                r.roleId(), r.duration(), r.justification(), r.channel(), r.catalogVersion(), r.automatic(), r.grantId(),
                r.extendsGrantId(), ticket, r.createdAt(), r.decidedAt(), r.grantedAt(), stages, read.timeline());
    }

    private Staging staging(UUID requestId) {
        List<StageRow> stages = jdbc.sql("select * from request_stage where request_id = :id order by stage_index")
                .param("id", requestId)
                .query((rs, n) -> new StageRow(rs.getInt("stage_index"), rs.getString("approvers_rule"),
                        rs.getBoolean("require_all"), rs.getString("status"), rs.getInt("escalation")))
                .list();
        Map<Integer, List<UUID>> approvers = new HashMap<>();
        jdbc.sql("select stage_index, person_id from stage_approver where request_id = :id").param("id", requestId)
                .query(rs -> {
                    approvers.computeIfAbsent(rs.getInt("stage_index"), i -> new ArrayList<>()).add(rs.getObject("person_id", UUID.class));
                });
        List<DecisionRow> decisions = jdbc.sql("select * from request_decision where request_id = :id order by decided_at")
                .param("id", requestId)
                .query((rs, n) -> new DecisionRow(rs.getInt("stage_index"), rs.getString("decision"),
                        rs.getObject("decided_by", UUID.class), rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                        rs.getString("channel"), rs.getString("comment")))
                .list();
        return new Staging(stages, approvers, decisions);
    }

    PersonRef person(UUID id) {
        return directory.person(id).map(RequestViews::ref).orElse(unknown(id));
    }

    private static PersonRef ref(UUID id, Map<UUID, Person> people) {
        Person person = people.get(id);
        return person == null ? unknown(id) : ref(person);
    }

    private static PersonRef ref(Person p) {
        return new PersonRef(p.id(), p.email(), p.displayName());
    }

    private static PersonRef unknown(UUID id) {
        return new PersonRef(id, "", "unknown person");
    }
}
