package dev.clavis.audit.internal;

import dev.clavis.audit.AuditEntry;
import dev.clavis.audit.AuditTrail;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.grant.Grants;
import dev.clavis.platform.Caller;
import dev.clavis.platform.Callers;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.Scope;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything an auditor needs about one request, in one self-contained document: who asked and why,
 * the policy it was decided under, who approved, what changed in the directory and when, when it was
 * removed, and the audit entries with their hashes and the chain's verification.
 */
@RestController
class EvidenceController {

    private final AccessRequests requests;
    private final Grants grants;
    private final CatalogService catalog;
    private final AuditTrail trail;
    private final Clock clock;

    EvidenceController(AccessRequests requests, Grants grants, CatalogService catalog, AuditTrail trail, Clock clock) {
        this.requests = requests;
        this.grants = grants;
        this.catalog = catalog;
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/api/v1/requests/{id}/evidence")
    Map<String, Object> evidence(@PathVariable UUID id) {
        AccessRequestView request = requests.get(id);
        Caller caller = Callers.current();
        boolean involved = request.requester().id().equals(caller.personId()) || request.beneficiary().id().equals(caller.personId());
        if (!involved && !caller.has(Scope.AUDIT) && !caller.has(Scope.ADMIN)) {
            throw new ForbiddenException("Evidence is for auditors, admins and the people the request is about");
        }
        var evidence = new LinkedHashMap<String, Object>();
        evidence.put("generatedAt", clock.instant().toString());
        evidence.put("request", request);
        evidence.put("policy", policy(request));
        if (request.grantId() != null) {
            grants.find(request.grantId()).ifPresent(grant -> evidence.put("grant", grant));
        }
        List<AuditEntry> entries = new ArrayList<>(trail.about("request:" + id));
        if (request.grantId() != null && request.extendsGrantId() == null) {
            entries.addAll(trail.about("grant:" + request.grantId()));
        }
        entries.sort(Comparator.comparingLong(AuditEntry::sequence));
        evidence.put("auditTrail", entries);
        var verification = trail.verify();
        var chain = new LinkedHashMap<String, Object>();
        chain.put("valid", verification.valid());
        chain.put("entries", verification.entries());
        verification.firstInvalidEntry().ifPresent(e -> chain.put("firstInvalidEntry", e));
        evidence.put("chain", chain);
        return evidence;
    }

    private Map<String, Object> policy(AccessRequestView request) {
        var policy = new LinkedHashMap<String, Object>();
        policy.put("catalogVersion", request.catalogVersion());
        catalog.version(request.catalogVersion()).flatMap(c -> c.role(request.app(), request.role())).ifPresent((Role role) -> {
            policy.put("role", role.ref().toString());
            policy.put("groups", role.groups());
            policy.put("risk", role.risk().value());
            policy.put("durations", role.durations().stream().map(Object::toString).toList());
            policy.put("approval", role.approval() instanceof Approval.Stages stages
                    ? stages.stages().stream().map(s -> s.approvers().text() + " (" + s.require().name().toLowerCase() + ")").toList()
                    : "auto");
            if (role.autoApprove() != null) {
                policy.put("autoApprove", role.autoApprove().source());
            }
            policy.put("conflictsWith", role.conflictsWith().stream().map(Object::toString).toList());
        });
        return policy;
    }
}
