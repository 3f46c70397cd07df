package dev.clavis.catalog;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How long access lasts: an ISO-8601 duration, or permanent (until revoked or reviewed away). */
public record AccessDuration(@Nullable Duration length) {

    public static final AccessDuration PERMANENT = new AccessDuration(null);
    private static final String PERMANENT_TEXT = "permanent";

    public static AccessDuration of(Duration length) {
        return new AccessDuration(length);
    }

    /** Parses {@code permanent} or a positive ISO-8601 duration such as {@code PT6H} or {@code P7D}. */
    public static Optional<AccessDuration> parse(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase(PERMANENT_TEXT)) {
            return Optional.of(PERMANENT);
        }
        try {
            Duration length = Duration.parse(value);
            return length.isNegative() || length.isZero() ? Optional.empty() : Optional.of(of(length));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean isPermanent() {
        return length == null;
    }

    @Override
    public String toString() {
        return length == null ? PERMANENT_TEXT : length.toString();
    }
}
