package dev.clavis.grant.internal;

import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApproverRule;
import dev.clavis.catalog.CatalogService;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantStatus;
import dev.clavis.grant.Grants;
import dev.clavis.platform.Caller;
import dev.clavis.platform.Callers;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import dev.clavis.platform.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GrantController {

    private final Grants grants;
    private final GrantStore store;
    private final JdbcTemplate jdbc;
    private final Directory directory;
    private final CatalogService catalog;

    GrantController(Grants grants, GrantStore store, JdbcTemplate jdbc, Directory directory, CatalogService catalog) {
        this.grants = grants;
        this.store = store;
        this.jdbc = jdbc;
        this.directory = directory;
        this.catalog = catalog;
    }

    record GrantView(UUID id, @Nullable UUID requestId, UUID person, String email, String app, String role, List<String> groups,
            String origin, String status, @Nullable Instant grantedAt, @Nullable Instant expiresAt,
            @Nullable Instant endedAt, @Nullable String endReason, @Nullable Instant removalConfirmedAt, List<?> memberships) {}

    /** Admins, auditors and approvers see every grant; anyone else sees their own. */
    @GetMapping("/api/v1/grants")
    Page<GrantView> list(
            @RequestParam(required = false) @Nullable String person,
            @RequestParam(required = false) @Nullable String app,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Caller caller = Callers.current();
        var sql = new StringBuilder("select id from access_grant where 1 = 1");
        List<Object> params = new ArrayList<>();
        UUID personId = person == null || person.isBlank() ? null : directory.resolve(person)
                .orElseThrow(() -> new InvalidInputException("person", "no person '" + person + "' in the directory")).id();
        boolean seesAll = caller.has(Scope.ADMIN) || caller.has(Scope.AUDIT) || caller.has(Scope.APPROVE);
        if (!seesAll) {
            if (personId != null && !personId.equals(caller.personId())) {
                throw new ForbiddenException("You may list only your own grants; approvers, admins and auditors may list anyone's");
            }
            personId = caller.personId();
        }
        if (personId != null) {
            sql.append(" and person_id = ?");
            params.add(personId);
        }
        if (app != null && !app.isBlank()) {
            sql.append(" and app_id = ?");
            params.add(app.strip());
        }
        if (status != null && !status.isBlank()) {
            String wanted = status.strip().toUpperCase(Locale.ROOT);
            try {
                GrantStatus.valueOf(wanted);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "must be one of PENDING, ACTIVE, EXPIRED, REVOKED, FAILED, not '" + status + "'");
            }
            sql.append(" and status = ?");
            params.add(wanted);
        }
        page.afterItem().ifPresent(after -> {
            sql.append(" and (created_at > ? or (created_at = ? and id > ?))");
            java.time.OffsetDateTime at;
            try {
                at = Instant.parse(after.value()).atOffset(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API gave out; start again without it");
            }
            params.add(at);
            params.add(at);
            params.add(after.uuid());
        });
        sql.append(" order by created_at, id fetch first ").append(page.fetchSize()).append(" rows only");
        List<Grant> found = jdbc.queryForList(sql.toString(), UUID.class, params.toArray()).stream()
                .map(id -> store.find(id).orElseThrow())
                .toList();
        return page.page(found, g -> g.createdAt().toString(), Grant::id).map(this::view);
    }

    @GetMapping("/api/v1/grants/{id}")
    GrantView get(@PathVariable UUID id) {
        Grant grant = store.find(id).orElseThrow(() -> new NotFoundException("There is no grant " + id));
        Caller caller = Callers.current();
        if (!(caller.has(Scope.ADMIN) || caller.has(Scope.AUDIT) || caller.has(Scope.APPROVE)
                || grant.personId().equals(caller.personId()))) {
            throw new ForbiddenException("You may read only your own grants");
        }
        return view(grant);
    }

    record Revoke(@Nullable String reason) {}

    /** By the person holding it, an approver of its role, or an admin. */
    @PostMapping("/api/v1/grants/{id}/revoke")
    GrantView revoke(@PathVariable UUID id, @RequestBody(required = false) @Nullable Revoke body) {
        Grant grant = store.find(id).orElseThrow(() -> new NotFoundException("There is no grant " + id));
        Caller caller = Callers.current();
        if (!mayRevoke(caller, grant)) {
            throw new ForbiddenException("Only the person holding the grant, an approver of " + grant.role() + " or an admin may revoke it");
        }
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "revoked" : body.reason().strip();
        grants.revoke(id, reason, caller.name());
        return view(store.find(id).orElseThrow());
    }

    private boolean mayRevoke(Caller caller, Grant grant) {
        if (caller.has(Scope.ADMIN) || grant.personId().equals(caller.personId())) {
            return true;
        }
        if (caller.personId() == null) {
            return false;
        }
        Person me = directory.person(caller.personId()).orElse(null);
        Person holder = directory.person(grant.personId()).orElse(null);
        if (me == null) {
            return false;
        }
        var app = catalog.current().app(grant.role().appId());
        if (app.isPresent() && app.get().owners().contains(me.email())) {
            return true;
        }
        if (holder != null && me.id().equals(holder.managerId())) {
            return true;
        }
        var role = catalog.current().role(grant.role());
        if (role.isPresent() && role.get().approval() instanceof Approval.Stages stages) {
            for (var stage : stages.stages()) {
                if (stage.approvers() instanceof ApproverRule.User user && user.email().equals(me.email())) {
                    return true;
                }
                if (stage.approvers() instanceof ApproverRule.Group group && directory.groupNamesOf(me.id()).contains(group.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private GrantView view(Grant grant) {
        String email = directory.person(grant.personId()).map(Person::email).orElse("");
        return new GrantView(grant.id(), grant.requestId(), grant.personId(), email, grant.role().appId(), grant.role().roleId(),
                grant.groups(), grant.origin(), grant.status().name(), grant.grantedAt(), grant.expiresAt(), grant.endedAt(),
                grant.endReason(), grant.removalConfirmedAt(), grant.memberships().stream().map(m -> Map.of(
                        "group", m.groupName(), "state", m.state(), "preexisting", m.preexisting())).toList());
    }
}
