package dev.clavis.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The median, 99th percentile and largest of a set of latencies, by the nearest-rank method: p99 of 1,000
 * latencies is the 990th smallest, a value that was actually measured.
 */
record Latencies(int count, Duration p50, Duration p99, Duration max) {

    static final Latencies NONE = new Latencies(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    static Latencies of(List<Duration> latencies) {
        if (latencies.isEmpty()) {
            return NONE;
        }
        var sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        return new Latencies(sorted.size(), rank(sorted, 50), rank(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** {@code 0.412 s / 1.870 s}, or a dash when nothing was measured. */
    String p50AndP99() {
        return count == 0 ? "–" : seconds(p50) + " / " + seconds(p99);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }
}
