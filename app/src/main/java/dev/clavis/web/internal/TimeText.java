package dev.clavis.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the pages print them. {@code static/web/countdown.js} prints {@link #countdown} the same way
 * in the browser, so a page left open keeps counting.
 */
final class TimeText {

    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TimeText() {}

    /** {@code in 5 h 12 min}, {@code in 3 d 4 h}; {@code now} once the moment has come. */
    static String countdown(Instant to, Instant now) {
        return to.isAfter(now) ? "in " + span(Duration.between(now, to)) : "now";
    }

    /** {@code 2 h 5 min ago}. */
    static String ago(Instant from, Instant now) {
        return now.isAfter(from) ? span(Duration.between(from, now)) + " ago" : "just now";
    }

    /** {@code 2026-11-26 07:12 UTC}. */
    static String absolute(Instant at) {
        return ABSOLUTE.format(at);
    }

    /** Days and hours, or hours and minutes, or minutes: the two largest units a person cares about. */
    static String span(Duration length) {
        long days = length.toDays();
        long hours = length.toHoursPart();
        long minutes = length.toMinutesPart();
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes > 0 ? minutes + " min" : "less than a minute";
    }
}
