package dev.clavis.catalog;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** How long access lasts: an ISO-8601 duration, or permanent (until revoked or reviewed away). */
public record AccessDuration(@Nullable Duration length) {

    public static final AccessDuration PERMANENT = new AccessDuration(null);
    private static final String PERMANENT_TEXT = "permanent";
    private static final Pattern WRITTEN = Pattern.compile(
            "(\\d+)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)", Pattern.CASE_INSENSITIVE);

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

    /**
     * Reads a duration as people write it in Slack or pick it in a Jira field: {@code 6h}, {@code 6 hours},
     * {@code 30 min}, {@code 7d}, {@code 2 weeks}, {@code 90s}, {@code Permanent}, or ISO-8601.
     */
    public static Optional<AccessDuration> parseWritten(String text) {
        Matcher written = WRITTEN.matcher(text.strip());
        if (!written.matches()) {
            return parse(text);
        }
        long amount = Long.parseLong(written.group(1));
        Duration length = switch (written.group(2).toLowerCase(Locale.ROOT).charAt(0)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        return amount == 0 ? Optional.empty() : Optional.of(of(length));
    }

    /** The duration as people read it: {@code 6 hours}, {@code 7 days}, {@code permanent}. */
    public String spoken() {
        if (length == null) {
            return PERMANENT_TEXT;
        }
        if (length.toDays() > 0 && length.equals(Duration.ofDays(length.toDays()))) {
            return plural(length.toDays(), "day");
        }
        if (length.toHours() > 0 && length.equals(Duration.ofHours(length.toHours()))) {
            return plural(length.toHours(), "hour");
        }
        if (length.toMinutes() > 0 && length.equals(Duration.ofMinutes(length.toMinutes()))) {
            return plural(length.toMinutes(), "minute");
        }
        return plural(length.toSeconds(), "second");
    }

    /** A stored duration ({@code PT6H}, {@code permanent}) as people read it; text that is none, as it is. */
    public static String describe(String duration) {
        return parse(duration).map(AccessDuration::spoken).orElse(duration);
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    public boolean isPermanent() {
        return length == null;
    }

    @Override
    public String toString() {
        return length == null ? PERMANENT_TEXT : length.toString();
    }
}
