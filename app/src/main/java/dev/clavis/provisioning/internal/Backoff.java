package dev.clavis.provisioning.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait after a transient error: the initial backoff doubling with each attempt up to the
 * maximum, of which a random half is taken off so that tasks failed together do not retry together;
 * never shorter than the provider asked for.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /**
     * @param random values in [0, 1)
     */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /**
     * @param attempts the attempts made so far, at least 1
     * @param retryAfter how long the provider asked the client to wait, if it did
     */
    Duration after(int attempts, Optional<Duration> retryAfter) {
        Duration base = initial;
        for (int i = 1; i < attempts && base.compareTo(max) < 0; i++) {
            base = base.multipliedBy(2);
        }
        if (base.compareTo(max) > 0) {
            base = max;
        }
        long halfMillis = base.toMillis() / 2;
        Duration delay = Duration.ofMillis(base.toMillis() - (long) (random.getAsDouble() * halfMillis));
        return retryAfter.filter(asked -> asked.compareTo(delay) > 0).orElse(delay);
    }
}
