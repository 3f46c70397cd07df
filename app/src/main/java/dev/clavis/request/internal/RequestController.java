package dev.clavis.request.internal;

import dev.clavis.platform.Caller;
import dev.clavis.platform.Callers;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import dev.clavis.platform.Scope;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.Channel;
import dev.clavis.request.DecideAccessRequest;
import dev.clavis.request.RequestStatus;
import dev.clavis.request.SubmitAccessRequest;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RequestController {

    private final AccessRequests requests;
    private final RequestStore store;
    private final RequestViews views;
    private final JdbcTemplate jdbc;

    RequestController(AccessRequests requests, RequestStore store, RequestViews views, JdbcTemplate jdbc) {
        this.requests = requests;
        this.store = store;
        this.views = views;
        this.jdbc = jdbc;
    }

    record Submit(@Nullable String beneficiary, @Nullable String app, @Nullable String role, @Nullable String duration,
            @Nullable String justification) {}

    record Decide(@Nullable String decision, @Nullable String comment) {}

    record Extend(@Nullable String duration, @Nullable String justification) {}

    record Summary(UUID id, String status, AccessRequestView.PersonRef beneficiary, String app, String role, String duration,
            String channel, AccessRequestView.@Nullable Ticket ticket, Instant createdAt) {}

    @PostMapping("/api/v1/requests")
    ResponseEntity<AccessRequestView> submit(@RequestBody Submit body) {
        Caller caller = person(Scope.REQUEST);
        var view = requests.submit(new SubmitAccessRequest(caller.personId(), body.beneficiary(), body.app(), body.role(),
                body.duration(), body.justification(), Channel.API, caller.has(Scope.ADMIN)));
        return ResponseEntity.created(URI.create("/api/v1/requests/" + view.id())).body(view);
    }

    @GetMapping("/api/v1/requests/{id}")
    AccessRequestView get(@PathVariable UUID id) {
        AccessRequestView view = requests.get(id);
        mayRead(view);
        return view;
    }

    @PostMapping("/api/v1/requests/{id}/decision")
    AccessRequestView decide(@PathVariable UUID id, @RequestBody Decide body) {
        Caller caller = person(Scope.APPROVE);
        String decision = body.decision() == null ? "" : body.decision().strip().toLowerCase(Locale.ROOT);
        var kind = switch (decision) {
            case "approve" -> DecideAccessRequest.Decision.APPROVE;
            case "deny" -> DecideAccessRequest.Decision.DENY;
            default -> throw new InvalidInputException("decision", "must be approve or deny, not '" + body.decision() + "'");
        };
        return requests.decide(new DecideAccessRequest(id, caller.personId(), kind, body.comment(), Channel.API));
    }

    @PostMapping("/api/v1/requests/{id}/cancel")
    AccessRequestView cancel(@PathVariable UUID id) {
        return requests.cancel(id, person(Scope.REQUEST).personId());
    }

    @PostMapping("/api/v1/grants/{grantId}/extend")
    ResponseEntity<AccessRequestView> extend(@PathVariable UUID grantId, @RequestBody Extend body) {
        Caller caller = person(Scope.REQUEST);
        if (body.duration() == null || body.duration().isBlank()) {
            throw new InvalidInputException("duration", "say how much longer, e.g. PT6H");
        }
        var view = requests.extend(grantId, caller.personId(), body.duration(), body.justification(), Channel.API,
                caller.has(Scope.ADMIN));
        return ResponseEntity.created(URI.create("/api/v1/requests/" + view.id())).body(view);
    }

    /**
     * Requests, newest first. {@code mine}: asked by or for the caller; {@code awaitingMe}: waiting for
     * the caller's decision. Without either, admins, auditors and approvers see all; others their own.
     */
    @GetMapping("/api/v1/requests")
    Page<Summary> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false, defaultValue = "false") boolean mine,
            @RequestParam(required = false, defaultValue = "false") boolean awaitingMe,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Caller caller = Callers.current();
        boolean seesAll = caller.has(Scope.ADMIN) || caller.has(Scope.AUDIT) || caller.has(Scope.APPROVE);
        var sql = new StringBuilder("select r.* from access_request r where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (mine || !seesAll) {
            sql.append(" and (r.requester_id = ? or r.beneficiary_id = ?)");
            params.add(caller.personId());
            params.add(caller.personId());
        }
        if (awaitingMe) {
            sql.append(" and r.status = 'PENDING_APPROVAL' and exists (select 1 from stage_approver a where a.request_id = r.id"
                    + " and a.stage_index = r.current_stage and a.person_id = ?) and not exists (select 1 from request_decision d"
                    + " where d.request_id = r.id and d.stage_index = r.current_stage and d.decided_by = ?)");
            params.add(caller.personId());
            params.add(caller.personId());
        }
        if (status != null && !status.isBlank()) {
            try {
                params.add(RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "'" + status + "' is not a request status");
            }
            sql.append(" and r.status = ?");
        }
        page.afterItem().ifPresent(after -> {
            OffsetDateTime at = parseCursorTime(after.value());
            sql.append(" and (r.created_at < ? or (r.created_at = ? and r.id < ?))");
            params.add(at);
            params.add(at);
            params.add(after.uuid());
        });
        sql.append(" order by r.created_at desc, r.id desc fetch first ").append(page.fetchSize()).append(" rows only");
        List<StoredRequest> found = jdbc.query(sql.toString(), RequestStore::map, params.toArray());
        return page.page(found, r -> r.createdAt().toString(), StoredRequest::id).map(r -> new Summary(r.id(),
                r.status().name(), views.person(r.beneficiaryId()), r.appId(), r.roleId(), r.duration(), r.channel(),
                r.ticketSystem() == null ? null : new AccessRequestView.Ticket(r.ticketSystem(), r.ticketKey(), r.ticketUrl()),
                r.createdAt()));
    }

    /** The requester, the beneficiary, the request's approvers, admins, auditors and approvers may read it. */
    void mayRead(AccessRequestView view) {
        Caller caller = Callers.current();
        if (caller.has(Scope.ADMIN) || caller.has(Scope.AUDIT) || caller.has(Scope.APPROVE)) {
            return;
        }
        UUID me = caller.personId();
        boolean involved = view.requester().id().equals(me) || view.beneficiary().id().equals(me)
                || view.approvals().stream().anyMatch(s -> s.approvers().stream().anyMatch(p -> p.id().equals(me)));
        if (!involved) {
            throw new ForbiddenException("You may read only requests you asked, are the beneficiary of, or approve");
        }
    }

    private static Caller person(Scope needed) {
        Caller caller = Callers.current();
        if (!caller.has(needed) && !caller.has(Scope.ADMIN)) {
            throw new ForbiddenException("This needs a token with the '" + needed.value() + "' scope");
        }
        if (caller.personId() == null) {
            throw new ForbiddenException("This token belongs to no person; requests and decisions are made by people. "
                    + "Create a token for yourself with POST /api/v1/tokens");
        }
        return caller;
    }

    private static OffsetDateTime parseCursorTime(String value) {
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("cursor", "is not a cursor this API gave out; start again without it");
        }
    }
}
