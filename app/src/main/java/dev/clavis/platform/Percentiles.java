package dev.clavis.platform;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Nearest-rank percentiles of measured durations. */
public final class Percentiles {

    private Percentiles() {}

    /** The p-th percentile (0 < p ≤ 100) by nearest rank; null for no values. */
    public static @Nullable Duration of(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
