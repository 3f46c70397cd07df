package dev.clavis.request.internal;

import dev.clavis.directory.Directory;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequestView.PersonRef;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds a request's view: stages with their approvers and decisions, and the timeline. */
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

    AccessRequestView view(UUID requestId) {
        StoredRequest r = store.find(requestId).orElseThrow(() -> new NotFoundException("There is no request " + requestId));
        List<AccessRequestView.Stage> stages = jdbc.sql("select * from request_stage where request_id = :id order by stage_index")
                .param("id", requestId)
                .query((rs, n) -> {
                    int index = rs.getInt("stage_index");
                    return new AccessRequestView.Stage(index + 1, rs.getString("approvers_rule"),
                            rs.getBoolean("require_all") ? "all" : "one", rs.getString("status"), rs.getInt("escalation"),
                            store.approvers(requestId, index).stream().map(this::person).toList(),
                            decisions(requestId, index));
                })
                .list();
        List<AccessRequestView.TimelineEntry> timeline = jdbc.sql(
                        "select at, kind, detail from request_timeline where request_id = :id order by id")
                .param("id", requestId)
                .query((rs, n) -> new AccessRequestView.TimelineEntry(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("kind"), rs.getString("detail")))
                .list();
        PersonRef requester = person(r.requesterId());
        PersonRef beneficiary = r.beneficiaryId().equals(r.requesterId()) ? requester : person(r.beneficiaryId());
        var ticket = r.ticketSystem() == null ? null : new AccessRequestView.Ticket(r.ticketSystem(), r.ticketKey(), r.ticketUrl());
        return new AccessRequestView(r.id(), r.status().name(), requester, beneficiary, r.appId(),
                r.roleId(), r.duration(), r.justification(), r.channel(), r.catalogVersion(), r.automatic(), r.grantId(),
                r.extendsGrantId(), ticket, r.createdAt(), r.decidedAt(), r.grantedAt(), stages, timeline);
    }

    private List<AccessRequestView.Decision> decisions(UUID requestId, int stage) {
        return jdbc.sql("select * from request_decision where request_id = :id and stage_index = :stage order by decided_at")
                .param("id", requestId).param("stage", stage)
                .query((rs, n) -> new AccessRequestView.Decision(rs.getString("decision"),
                        person(rs.getObject("decided_by", UUID.class)),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant(), rs.getString("channel"),
                        rs.getString("comment")))
                .list();
    }

    PersonRef person(UUID id) {
        return directory.person(id).map(p -> new PersonRef(p.id(), p.email(), p.displayName()))
                .orElse(new PersonRef(id, "", "unknown person"));
    }
}
