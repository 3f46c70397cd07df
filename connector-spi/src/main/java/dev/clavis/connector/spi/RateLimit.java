package dev.clavis.connector.spi;

import java.time.Duration;

/** At most {@code permits} write calls per {@code period}, as the provider documents it. */
public record RateLimit(int permits, Duration period) {

    public RateLimit {
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be positive: " + permits);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
    }
}
