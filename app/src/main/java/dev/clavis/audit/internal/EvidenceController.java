package dev.clavis.audit.internal;

import dev.clavis.audit.Evidence;
import dev.clavis.audit.RequestEvidence;
import dev.clavis.platform.Caller;
import dev.clavis.platform.Callers;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.Scope;
import dev.clavis.request.AccessRequestView;
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

    private final Evidence evidence;

    EvidenceController(Evidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/v1/requests/{id}/evidence")
    Map<String, Object> evidence(@PathVariable UUID id) {
        RequestEvidence found = evidence.ofRequest(id);
        AccessRequestView request = found.request();
        Caller caller = Callers.current();
        boolean involved = request.requester().id().equals(caller.personId()) || request.beneficiary().id().equals(caller.personId());
        if (!involved && !caller.has(Scope.AUDIT) && !caller.has(Scope.ADMIN)) {
            throw new ForbiddenException("Evidence is for auditors, admins and the people the request is about");
        }
        return evidence.document(found);
    }
}
