package dev.clavis.audit.internal;

import dev.clavis.audit.AuditEntry;
import dev.clavis.audit.AuditQuery;
import dev.clavis.audit.AuditTrail;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** The trail, oldest first. {@code type} matches a type or a prefix ending in '.', e.g. {@code request.}. */
    @GetMapping("/api/v1/audit")
    Page<AuditEntry> list(
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        var query = new AuditQuery(type, null, subject == null || subject.isBlank() ? List.of() : List.of(subject.strip()),
                since == null || since.isBlank() ? null : parseTime(since), null,
                page.afterItem().map(after -> sequence(after.value())).orElse(null), false, page.fetchSize());
        List<AuditEntry> entries = trail.search(query);
        return page.page(entries, e -> String.valueOf(e.sequence()), e -> "");
    }

    @GetMapping("/api/v1/audit/verify")
    Map<String, Object> verify() {
        var verification = trail.verify();
        var body = new LinkedHashMap<String, Object>();
        body.put("valid", verification.valid());
        body.put("entries", verification.entries());
        verification.firstInvalidEntry().ifPresent(sequence -> body.put("firstInvalidEntry", sequence));
        verification.reason().ifPresent(reason -> body.put("reason", reason));
        return body;
    }

    private static Instant parseTime(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, not '" + value + "'");
        }
    }

    private static long sequence(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor this API gave out; start again without it");
        }
    }
}
