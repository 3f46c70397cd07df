package dev.clavis.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTextTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    @Test
    void aCountdownNamesTheTwoLargestUnits() {
        assertThat(TimeText.countdown(NOW.plus(Duration.ofMinutes(5 * 60 + 12)), NOW)).isEqualTo("in 5 h 12 min");
        assertThat(TimeText.countdown(NOW.plus(Duration.ofHours(3 * 24 + 4)).plusSeconds(59), NOW)).isEqualTo("in 3 d 4 h");
        assertThat(TimeText.countdown(NOW.plus(Duration.ofHours(2)), NOW)).isEqualTo("in 2 h");
        assertThat(TimeText.countdown(NOW.plusSeconds(30), NOW)).isEqualTo("in less than a minute");
    }

    @Test
    void aMomentPassedCountsDownToNow() {
        assertThat(TimeText.countdown(NOW.minusSeconds(1), NOW)).isEqualTo("now");
    }

    @Test
    void waitingReadsBackwards() {
        assertThat(TimeText.ago(NOW.minus(Duration.ofMinutes(75)), NOW)).isEqualTo("1 h 15 min ago");
        assertThat(TimeText.absolute(NOW)).isEqualTo("2026-11-26 01:00 UTC");
    }
}
