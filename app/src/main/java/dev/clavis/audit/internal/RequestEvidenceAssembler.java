package dev.clavis.audit.internal;

import dev.clavis.audit.AuditEntry;
import dev.clavis.audit.AuditTrail;
import dev.clavis.audit.Evidence;
import dev.clavis.audit.RequestEvidence;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.grant.Grant;
import dev.clavis.grant.Grants;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gathers a request's evidence: the request from {@code request}, its grant from {@code grant}, the
 * policy from the catalog version it was decided under, and the trail's entries about both.
 */
@Component
class RequestEvidenceAssembler implements Evidence {

    private final AccessRequests requests;
    private final Grants grants;
    private final CatalogService catalog;
    private final AuditTrail trail;
    private final Clock clock;

    RequestEvidenceAssembler(AccessRequests requests, Grants grants, CatalogService catalog, AuditTrail trail, Clock clock) {
        this.requests = requests;
        this.grants = grants;
        this.catalog = catalog;
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public RequestEvidence ofRequest(UUID requestId) {
        AccessRequestView request = requests.get(requestId);
        Grant grant = request.grantId() == null ? null : grants.find(request.grantId()).orElse(null);
        List<AuditEntry> entries = new ArrayList<>(trail.about("request:" + requestId));
        // An extension's grant is the grant it extended: its entries belong to the first request's evidence.
        if (request.grantId() != null && request.extendsGrantId() == null) {
            entries.addAll(trail.about("grant:" + request.grantId()));
        }
        entries.sort(Comparator.comparingLong(AuditEntry::sequence));
        return new RequestEvidence(clock.instant(), request, policy(request), grant, entries);
    }

    @Override
    public Map<String, Object> document(RequestEvidence evidence) {
        var document = new LinkedHashMap<String, Object>();
        document.put("generatedAt", evidence.generatedAt().toString());
        document.put("request", evidence.request());
        document.put("policy", evidence.policy());
        if (evidence.grant() != null) {
            document.put("grant", evidence.grant());
        }
        document.put("auditTrail", evidence.auditTrail());
        var verification = trail.verify();
        var chain = new LinkedHashMap<String, Object>();
        chain.put("valid", verification.valid());
        chain.put("entries", verification.entries());
        verification.firstInvalidEntry().ifPresent(e -> chain.put("firstInvalidEntry", e));
        document.put("chain", chain);
        return document;
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
