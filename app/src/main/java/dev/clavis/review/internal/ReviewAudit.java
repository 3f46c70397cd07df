package dev.clavis.review.internal;

import dev.clavis.audit.AuditEntry;
import dev.clavis.audit.AuditEvent;
import dev.clavis.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Every change to a campaign or its items, in the audit trail, in the transaction that makes it. */
@Component
class ReviewAudit {

    private final AuditTrail trail;

    ReviewAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void record(String type, String actor, UUID campaignId, Object... facts) {
        trail.appendAtCommit(new AuditEvent("review." + type, actor, subject(campaignId), facts(facts)));
    }

    /** Written now rather than at commit: the caller needs the entry's place in the chain. */
    AuditEntry recordNow(String type, String actor, UUID campaignId, Object... facts) {
        return trail.append(new AuditEvent("review." + type, actor, subject(campaignId), facts(facts)));
    }

    static String person(@Nullable UUID id) {
        return id == null ? "system" : "person:" + id;
    }

    private static String subject(UUID campaignId) {
        return "review:" + campaignId;
    }

    /** Alternating names and values; absent values are left out rather than written as null. */
    private static Map<String, Object> facts(Object... namesAndValues) {
        var facts = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return facts;
    }
}
