package dev.clavis.web.internal;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A duration as people say it: "4 s", "12 min", "3 h 5 min", "2 d 4 h"; a dash for none. */
final class ReadableDuration {

    private ReadableDuration() {}

    static String of(@Nullable Duration duration) {
        if (duration == null) {
            return "–";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return duration.toMillis() < 10_000 && duration.toMillisPart() != 0
                    ? String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0) : seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min";
        }
        if (seconds < 86_400) {
            long minutes = (seconds % 3600) / 60;
            return (seconds / 3600) + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long hours = (seconds % 86_400) / 3600;
        return (seconds / 86_400) + " d" + (hours == 0 ? "" : " " + hours + " h");
    }
}
