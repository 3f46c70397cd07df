package dev.clavis.web.internal;

import dev.clavis.audit.AuditQuery;
import dev.clavis.directory.Directory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page's filters as a person types them: a type or a prefix ending in '.', an actor as
 * recorded or a person's email, a subject or a bare request id, and a range of UTC days.
 */
record TrailFilter(String type, String actor, String subject, String from, String to, String before) {

    static final int PAGE_SIZE = 50;

    TrailFilter {
        type = type.strip();
        actor = actor.strip();
        subject = subject.strip();
        from = from.strip();
        to = to.strip();
        before = before.strip();
    }

    /** What is wrong with the filters, in words a person can act on; empty when they can be used. */
    Optional<String> problem() {
        if (!from.isEmpty() && day(from) == null) {
            return Optional.of("\"From\" must be a date such as 2026-11-01, not '" + from + "'.");
        }
        if (!to.isEmpty() && day(to) == null) {
            return Optional.of("\"To\" must be a date such as 2026-11-30, not '" + to + "'.");
        }
        if (!before.isEmpty() && !before.matches("\\d{1,18}")) {
            return Optional.of("'" + before + "' is not a page of the trail; start again from the newest entries.");
        }
        if (!from.isEmpty() && !to.isEmpty() && day(to).isBefore(day(from))) {
            return Optional.of("\"To\" is before \"From\": no entry can be in that range.");
        }
        return Optional.empty();
    }

    /** Newest first, the page before sequence {@code before} (or the newest page), one more than shown. */
    AuditQuery query(Directory directory) {
        return new AuditQuery(type.isEmpty() ? null : type, actor.isEmpty() ? null : recordedActor(directory), subjects(),
                from.isEmpty() ? null : day(from).atStartOfDay().toInstant(ZoneOffset.UTC),
                to.isEmpty() ? null : day(to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                before.isEmpty() ? null : Long.valueOf(before), true, PAGE_SIZE + 1);
    }

    /** The link to the next, older page with the same filters. */
    String olderThan(long sequence) {
        return UriComponentsBuilder.fromPath("/audit").queryParam("type", type).queryParam("actor", actor)
                .queryParam("subject", subject).queryParam("from", from).queryParam("to", to).queryParam("before", sequence)
                .encode().build().toUriString();
    }

    /** An email names the person as the trail records people ({@code person:<id>}); a bare id does too. */
    private String recordedActor(Directory directory) {
        if (actor.contains("@") && !actor.contains(":")) {
            return directory.personByEmail(actor).map(p -> "person:" + p.id()).orElse(actor);
        }
        return uuid(actor).map(id -> "person:" + id).orElse(actor);
    }

    /** A bare id is a request's or a grant's: either is what someone pasting an id looks for. */
    private List<String> subjects() {
        if (subject.isEmpty()) {
            return List.of();
        }
        var subjects = new ArrayList<String>();
        uuid(subject).ifPresentOrElse(id -> {
            subjects.add("request:" + id);
            subjects.add("grant:" + id);
        }, () -> subjects.add(subject));
        return subjects;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static @Nullable LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
