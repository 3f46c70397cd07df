package dev.clavis.audit;

import dev.clavis.grant.Grant;
import dev.clavis.request.AccessRequestView;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about one access request: who asked and why, the policy it was decided under (as the
 * catalog version in force then stated it), who approved, the grant it became, and the audit entries
 * about the request and its grant, oldest first.
 *
 * @param policy the role's policy in that catalog version: {@code catalogVersion}, {@code role},
 *     {@code groups}, {@code risk}, {@code durations}, {@code approval}, {@code autoApprove}, {@code conflictsWith}
 */
public record RequestEvidence(
        Instant generatedAt,
        AccessRequestView request,
        Map<String, Object> policy,
        @Nullable Grant grant,
        List<AuditEntry> auditTrail) {

    public RequestEvidence {
        policy = Collections.unmodifiableMap(new LinkedHashMap<>(policy));
        auditTrail = List.copyOf(auditTrail);
    }
}
