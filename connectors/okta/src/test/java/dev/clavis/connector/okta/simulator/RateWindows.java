package dev.clavis.connector.okta.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Okta's time-based rate limit: per endpoint family, at most {@code permits} calls in each window, the
 * windows aligned to the epoch, so {@code X-Rate-Limit-Reset} (epoch seconds) is when the current one ends.
 */
final class RateWindows {

    private final Clock clock;
    private final int permits;
    private final Duration window;
    private final Map<String, long[]> used = new HashMap<>();

    RateWindows(Clock clock, int permits, Duration window) {
        this.clock = clock;
        this.permits = permits;
        this.window = window;
    }

    /** Takes a permit of the family if one is left; answers the headers to send either way. */
    synchronized Verdict take(String family) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, window.toMillis());
        long[] count = used.computeIfAbsent(family, f -> new long[] {start, 0});
        if (count[0] != start) {
            count[0] = start;
            count[1] = 0;
        }
        boolean allowed = count[1] < permits;
        if (allowed) {
            count[1]++;
        }
        // the end of the window in whole seconds, rounded down as Okta sends it
        long reset = (start + window.toMillis()) / 1000;
        return new Verdict(allowed, permits, permits - count[1], reset);
    }

    record Verdict(boolean allowed, int limit, long remaining, long resetEpochSeconds) {}
}
