package dev.clavis.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void theWaitDoublesWithEachAttemptUpToTheMaximum() {
        var noJitter = new Backoff(INITIAL, MAX, () -> 0);

        assertThat(noJitter.after(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.after(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(noJitter.after(4, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
        assertThat(noJitter.after(9, Optional.empty())).isEqualTo(Duration.ofSeconds(256));
        assertThat(noJitter.after(10, Optional.empty())).isEqualTo(MAX);
        assertThat(noJitter.after(Integer.MAX_VALUE, Optional.empty())).isEqualTo(MAX);
    }

    @Test
    void jitterTakesOffAtMostHalfTheWait() {
        var mostJitter = new Backoff(INITIAL, MAX, () -> 0.999_999);

        assertThat(mostJitter.after(3, Optional.empty())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(mostJitter.after(20, Optional.empty())).isBetween(MAX.dividedBy(2), MAX);
    }

    @Test
    void theProviderAskingForALongerWaitIsHonoured() {
        var backoff = new Backoff(INITIAL, MAX, () -> 0.5);

        assertThat(backoff.after(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(4, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofSeconds(6));
    }
}
