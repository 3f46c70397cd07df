package dev.clavis.audit;

import java.util.Map;
import java.util.Objects;

/**
 * What happened, as the audit trail records it.
 *
 * @param type dotted, past tense: {@code request.submitted}, {@code membership.added}
 * @param actor who did it: {@code person:<email>}, {@code token:<name>}, {@code system}
 * @param subject what it happened to: {@code request:<id>}, {@code grant:<id>}, {@code catalog:<version>}
 * @param data the facts worth keeping, as JSON-friendly values (strings, numbers, booleans, lists, maps)
 */
public record AuditEvent(String type, String actor, String subject, Map<String, ?> data) {

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        data = Map.copyOf(data);
    }
}
