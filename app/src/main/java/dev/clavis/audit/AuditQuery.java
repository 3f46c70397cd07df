package dev.clavis.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which entries of the trail to read, in which order, and how many. A null or empty filter matches
 * every entry.
 *
 * @param type a type ({@code request.granted}) or a prefix ending in '.' ({@code request.})
 * @param actor exactly as recorded: {@code person:<id>}, {@code token:<name>}, {@code system}
 * @param subjects entries about any of these, such as {@code request:<id>}
 * @param since entries at or after this time
 * @param until entries before this time
 * @param from the keyset cursor, exclusive: entries after this sequence, or before it when newest first
 * @param limit at most this many entries
 */
public record AuditQuery(
        @Nullable String type,
        @Nullable String actor,
        List<String> subjects,
        @Nullable Instant since,
        @Nullable Instant until,
        @Nullable Long from,
        boolean newestFirst,
        int limit) {

    public AuditQuery {
        subjects = List.copyOf(subjects);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
    }
}
