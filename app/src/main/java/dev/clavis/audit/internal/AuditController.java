package dev.clavis.audit.internal;

import dev.clavis.audit.AuditEntry;
import dev.clavis.audit.AuditTrail;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final JdbcTemplate jdbc;
    private final AuditTrail trail;

    AuditController(JdbcTemplate jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
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
        var sql = new StringBuilder("select * from audit_entry where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (since != null && !since.isBlank()) {
            sql.append(" and at >= ?");
            params.add(parseTime(since));
        }
        if (type != null && !type.isBlank()) {
            if (type.endsWith(".")) {
                sql.append(" and type like ?");
                params.add(type.strip() + "%");
            } else {
                sql.append(" and type = ?");
                params.add(type.strip());
            }
        }
        if (subject != null && !subject.isBlank()) {
            sql.append(" and subject = ?");
            params.add(subject.strip());
        }
        page.afterItem().ifPresent(after -> {
            sql.append(" and sequence > ?");
            params.add(sequence(after.value()));
        });
        sql.append(" order by sequence fetch first ").append(page.fetchSize()).append(" rows only");
        List<AuditEntry> entries = jdbc.query(sql.toString(), JdbcAuditTrail::map, params.toArray());
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

    private static OffsetDateTime parseTime(String value) {
        try {
            return Instant.parse(value.strip()).atOffset(ZoneOffset.UTC);
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
