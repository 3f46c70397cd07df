package dev.clavis.web.internal;

import dev.clavis.audit.AuditEntry;
import dev.clavis.audit.AuditTrail;
import dev.clavis.audit.Evidence;
import dev.clavis.audit.RequestEvidence;
import dev.clavis.directory.Directory;
import dev.clavis.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The audit trail for auditors and admins (the security chain admits no one else to /audit). */
@Controller
class AuditPages {

    private final AuditTrail trail;
    private final Evidence evidence;
    private final Directory directory;

    AuditPages(AuditTrail trail, Evidence evidence, Directory directory) {
        this.trail = trail;
        this.evidence = evidence;
        this.directory = directory;
    }

    @GetMapping("/audit")
    String trail(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String before,
            Authentication auth, Model model, HttpServletResponse response) {
        var filter = new TrailFilter(type, actor, subject, from, to, before);
        Optional<String> problem = filter.problem();
        model.addAttribute("me", WebUser.of(auth));
        model.addAttribute("filter", filter);
        model.addAttribute("problem", problem.orElse(null));
        List<AuditEntry> entries = List.of();
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            entries = trail.search(filter.query(directory));
        }
        boolean more = entries.size() > TrailFilter.PAGE_SIZE;
        List<AuditEntry> shown = more ? entries.subList(0, TrailFilter.PAGE_SIZE) : entries;
        model.addAttribute("entries", shown);
        model.addAttribute("actors", actorNames(shown));
        model.addAttribute("older", more ? filter.olderThan(shown.get(shown.size() - 1).sequence()) : null);
        return "web/audit";
    }

    @GetMapping("/audit/verify")
    String verify(Authentication auth, Model model) {
        model.addAttribute("me", WebUser.of(auth));
        model.addAttribute("verification", trail.verify());
        return "web/audit-verify";
    }

    @GetMapping("/audit/requests/{id}")
    String request(@PathVariable UUID id, Authentication auth, Model model) {
        RequestEvidence found = evidenceOf(id);
        model.addAttribute("me", WebUser.of(auth));
        model.addAttribute("evidence", found);
        model.addAttribute("actors", actorNames(found.auditTrail()));
        model.addAttribute("approval", approvalText(found.policy().get("approval")));
        return "web/audit-request";
    }

    /** The policy's approval path: its stages in order, or automatic. */
    private static @Nullable String approvalText(@Nullable Object approval) {
        if (approval instanceof List<?> stages) {
            return String.join(", then ", stages.stream().map(String::valueOf).toList());
        }
        return approval == null ? null : "automatic";
    }

    /** The same document as {@code GET /api/v1/requests/{id}/evidence}, to keep with the audit's papers. */
    @GetMapping(value = "/audit/requests/{id}/evidence.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> download(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id + ".json\"")
                .body(evidence.document(evidenceOf(id)));
    }

    private RequestEvidence evidenceOf(UUID id) {
        try {
            return evidence.ofRequest(id);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** People as their names, for the actors recorded as {@code person:<id>}; other actors as recorded. */
    private Map<String, String> actorNames(List<AuditEntry> entries) {
        var names = new HashMap<String, String>();
        for (AuditEntry entry : entries) {
            names.computeIfAbsent(entry.actor(), actor -> {
                if (!actor.startsWith("person:")) {
                    return actor;
                }
                try {
                    return directory.person(UUID.fromString(actor.substring("person:".length())))
                            .map(p -> p.displayName() + " (" + p.email() + ")").orElse(actor);
                } catch (IllegalArgumentException notAnId) {
                    return actor;
                }
            });
        }
        return names;
    }
}
