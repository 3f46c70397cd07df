package dev.clavis.audit.internal;

import dev.clavis.audit.AuditEvent;
import dev.clavis.audit.AuditTrail;
import dev.clavis.catalog.CatalogApplied;
import dev.clavis.platform.ApiTokenIssued;
import dev.clavis.platform.ApiTokenRevoked;
import dev.clavis.platform.Scope;
import dev.clavis.provisioning.MembershipChangeConfirmed;
import dev.clavis.provisioning.MembershipChangeFailed;
import dev.clavis.provisioning.MembershipChangeRetrying;
import dev.clavis.provisioning.MembershipOperation;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records other modules' events. A plain {@link EventListener} runs in the publisher's thread and
 * transaction, so the entry commits with the change or not at all; the modules that change things
 * need not know the audit trail exists.
 */
@Component
class AuditRecorder {

    /** The actor of what Clavis does by itself, such as applying a queued membership change. */
    private static final String SYSTEM = "system";

    private final AuditTrail trail;

    AuditRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(CatalogApplied event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("version", event.version());
        data.put("sha256", event.sha256());
        data.put("changes", event.changes().stream().map(change -> {
            var c = new LinkedHashMap<String, Object>();
            c.put("kind", change.kind().name());
            c.put("app", change.app());
            if (change.role() != null) {
                c.put("role", change.role());
            }
            c.put("fields", change.fields());
            return c;
        }).toList());
        trail.appendAtCommit(new AuditEvent("catalog.applied", event.appliedBy(), "catalog:" + event.version(), data));
    }

    @EventListener
    void on(ApiTokenIssued event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("name", event.name());
        data.put("person", event.personId() == null ? "none" : event.personId().toString());
        data.put("scopes", event.scopes().stream().map(Scope::value).sorted().toList());
        trail.appendAtCommit(new AuditEvent("token.issued", event.issuedBy(), "token:" + event.tokenId(), data));
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("name", event.name());
        trail.appendAtCommit(new AuditEvent("token.revoked", event.revokedBy(), "token:" + event.tokenId(), data));
    }

    @EventListener
    @Order(0)
    void on(MembershipChangeConfirmed event) {
        String type = switch (event.outcome()) {
            case ADDED -> "membership.added";
            case ALREADY_MEMBER -> "membership.already-member";
            case REMOVED -> "membership.removed";
            case NOT_A_MEMBER -> "membership.not-a-member";
        };
        var data = membership(event.taskId(), event.operation(), event.groupName(), event.personId());
        data.put("outcome", event.outcome().name());
        data.put("attempts", event.attempts());
        trail.appendAtCommit(new AuditEvent(type, SYSTEM, event.reference(), data));
    }

    @EventListener
    @Order(0)
    void on(MembershipChangeRetrying event) {
        var data = membership(event.taskId(), event.operation(), event.groupName(), event.personId());
        data.put("error", event.error());
        data.put("attempts", event.attempt());
        data.put("nextAttemptAt", event.nextAttemptAt().toString());
        trail.appendAtCommit(new AuditEvent("membership.retrying", SYSTEM, event.reference(), data));
    }

    @EventListener
    @Order(0)
    void on(MembershipChangeFailed event) {
        var data = membership(event.taskId(), event.operation(), event.groupName(), event.personId());
        data.put("error", event.error());
        data.put("attempts", event.attempts());
        trail.appendAtCommit(new AuditEvent("membership.failed", SYSTEM, event.reference(), data));
    }

    private static LinkedHashMap<String, Object> membership(UUID task, MembershipOperation operation, String group,
            UUID person) {
        var data = new LinkedHashMap<String, Object>();
        data.put("task", task.toString());
        data.put("operation", operation.name());
        data.put("group", group);
        data.put("person", person.toString());
        return data;
    }
}
