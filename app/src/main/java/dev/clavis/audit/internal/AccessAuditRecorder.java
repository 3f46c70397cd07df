package dev.clavis.audit.internal;

import dev.clavis.audit.AuditEvent;
import dev.clavis.audit.AuditTrail;
import dev.clavis.grant.GrantActivated;
import dev.clavis.grant.GrantEnded;
import dev.clavis.grant.GrantExtended;
import dev.clavis.grant.GrantProvisioningFailed;
import dev.clavis.grant.GrantRemovalConfirmed;
import dev.clavis.request.RequestEvents.AccessRequestApproved;
import dev.clavis.request.RequestEvents.AccessRequestCancelled;
import dev.clavis.request.RequestEvents.AccessRequestDenied;
import dev.clavis.request.RequestEvents.AccessRequestFailed;
import dev.clavis.request.RequestEvents.AccessRequestGranted;
import dev.clavis.request.RequestEvents.AccessRequestSubmitted;
import dev.clavis.request.RequestEvents.ApprovalEscalated;
import dev.clavis.request.RequestEvents.ApprovalRequested;
import dev.clavis.request.RequestEvents.DecisionRecorded;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the request and grant lifecycle, in the transaction of each step. */
@Component
class AccessAuditRecorder {

    private final AuditTrail trail;

    AccessAuditRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AccessRequestSubmitted e) {
        record("request.submitted", person(e.requester()), request(e.requestId()), facts(
                "beneficiary", e.beneficiary().toString(), "app", e.app(), "role", e.role(), "duration", e.duration(),
                "justification", e.justification(), "channel", e.channel(), "catalogVersion", e.catalogVersion()));
    }

    @EventListener
    void on(ApprovalRequested e) {
        record("request.stage-opened", "system", request(e.requestId()), facts(
                "stage", e.stage() + 1, "rule", e.rule(), "escalation", e.escalation(),
                "approvers", e.approvers().stream().map(UUID::toString).toList()));
    }

    @EventListener
    void on(ApprovalEscalated e) {
        record("request.escalated", "system", request(e.requestId()), facts(
                "stage", e.stage() + 1, "escalation", e.escalation(), "reason", e.reason(),
                "approvers", e.approvers().stream().map(UUID::toString).toList()));
    }

    @EventListener
    void on(DecisionRecorded e) {
        record("request.decided", person(e.decidedBy()), request(e.requestId()), facts(
                "stage", e.stage() + 1, "decision", e.decision(), "comment", e.comment(), "channel", e.channel()));
    }

    @EventListener
    void on(AccessRequestApproved e) {
        record("request.approved", e.automatic() ? "policy" : "system", request(e.requestId()), facts(
                "automatic", e.automatic(), "reason", e.reason(), "grant", e.grantId().toString()));
    }

    @EventListener
    void on(AccessRequestDenied e) {
        record("request.denied", e.decidedBy() == null ? "policy" : person(e.decidedBy()), request(e.requestId()),
                facts("reason", e.reason()));
    }

    @EventListener
    void on(AccessRequestCancelled e) {
        record("request.cancelled", person(e.by()), request(e.requestId()), Map.of());
    }

    @EventListener
    void on(AccessRequestGranted e) {
        record("request.granted", "directory", request(e.requestId()), facts(
                "grant", e.grantId().toString(), "grantedAt", e.grantedAt().toString(),
                "expiresAt", e.expiresAt() == null ? "permanent" : e.expiresAt().toString()));
    }

    @EventListener
    void on(AccessRequestFailed e) {
        record("request.failed", "system", request(e.requestId()), facts("reason", e.reason()));
    }

    @EventListener
    void on(GrantActivated e) {
        record("grant.activated", "directory", grant(e.grantId()), facts(
                "person", e.personId().toString(), "groups", e.groups(),
                "expiresAt", e.expiresAt() == null ? "permanent" : e.expiresAt().toString()));
    }

    @EventListener
    void on(GrantExtended e) {
        record("grant.extended", e.by(), grant(e.grantId()), facts(
                "from", String.valueOf(e.previousExpiresAt()), "to", e.expiresAt().toString()));
    }

    @EventListener
    void on(GrantEnded e) {
        record("grant." + e.status().name().toLowerCase(), e.by(), grant(e.grantId()), facts(
                "person", e.personId().toString(), "reason", e.reason()));
    }

    @EventListener
    void on(GrantRemovalConfirmed e) {
        record("grant.removal-confirmed", "directory", grant(e.grantId()), facts("confirmedAt", e.confirmedAt().toString()));
    }

    @EventListener
    void on(GrantProvisioningFailed e) {
        record("grant.failed", "directory", grant(e.grantId()), facts("group", e.group(), "error", e.error()));
    }

    private void record(String type, String actor, String subject, Map<String, ?> data) {
        trail.appendAtCommit(new AuditEvent(type, actor, subject, data));
    }

    /** Facts as alternating names and values; absent values are left out rather than written as null. */
    private static Map<String, Object> facts(Object... namesAndValues) {
        var facts = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return facts;
    }

    private static String person(@Nullable UUID id) {
        return "person:" + id;
    }

    private static String request(UUID id) {
        return "request:" + id;
    }

    private static String grant(UUID id) {
        return "grant:" + id;
    }
}
