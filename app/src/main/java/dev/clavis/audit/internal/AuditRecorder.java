package dev.clavis.audit.internal;

import dev.clavis.audit.AuditEvent;
import dev.clavis.audit.AuditTrail;
import dev.clavis.catalog.CatalogApplied;
import dev.clavis.platform.ApiTokenIssued;
import dev.clavis.platform.Scope;
import java.util.LinkedHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records other modules' events. A plain {@link EventListener} runs in the publisher's thread and
 * transaction, so the entry commits with the change or not at all; the modules that change things
 * need not know the audit trail exists.
 */
@Component
class AuditRecorder {

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
        trail.append(new AuditEvent("catalog.applied", event.appliedBy(), "catalog:" + event.version(), data));
    }

    @EventListener
    void on(ApiTokenIssued event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("name", event.name());
        data.put("person", event.personId() == null ? "none" : event.personId().toString());
        data.put("scopes", event.scopes().stream().map(Scope::value).sorted().toList());
        trail.append(new AuditEvent("token.issued", event.issuedBy(), "token:" + event.tokenId(), data));
    }
}
