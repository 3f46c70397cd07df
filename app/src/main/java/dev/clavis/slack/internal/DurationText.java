package dev.clavis.slack.internal;

import dev.clavis.catalog.AccessDuration;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type and read them in Slack: {@code 6h}, {@code 30m}, {@code 7d}, {@code 90s}, {@code permanent}. */
final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(?i)(\\d+)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)");

    private DurationText() {}

    /** Reads {@code 6h}, {@code 2 days}, {@code permanent} or ISO-8601 ({@code PT6H}). */
    static Optional<AccessDuration> parse(String text) {
        String value = text.strip();
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            char unit = matcher.group(2).toLowerCase(Locale.ROOT).charAt(0);
            Duration length = switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            return amount == 0 ? Optional.empty() : Optional.of(AccessDuration.of(length));
        }
        return AccessDuration.parse(value.toUpperCase(Locale.ROOT).equals("PERMANENT") ? "permanent" : value.toUpperCase(Locale.ROOT));
    }

    /** {@code PT6H} → {@code 6 hours}; {@code permanent} stays. */
    static String human(String duration) {
        return AccessDuration.parse(duration).map(DurationText::human).orElse(duration);
    }

    static String human(AccessDuration duration) {
        Duration length = duration.length();
        if (length == null) {
            return "permanent";
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

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
