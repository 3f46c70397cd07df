package dev.clavis.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.spi.RateLimit;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WritePaceTest {

    @Test
    void writesAreSpacedEvenlyJustUnderTheDocumentedLimit() {
        var pace = WritePace.of("test", null, Optional.of(new RateLimit(20, Duration.ofSeconds(1))));
        Duration interval = Duration.ofNanos((long) (1e9 / (20 * WritePace.HEADROOM)));

        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            assertThat(pace.await(() -> true)).isTrue();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(interval.multipliedBy(4));
    }

    @Test
    void aConfiguredRateReplacesTheDocumentedOneAndZeroMeansUnlimited() {
        var unlimited = WritePace.of("test", 0.0, Optional.of(new RateLimit(1, Duration.ofHours(1))));

        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.await(() -> true)).isTrue();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(unlimited.toString()).contains("unlimited");
        assertThat(WritePace.of("test", 2.5, Optional.empty()).toString()).contains("one write").contains("every 408 ms").contains("2.5 per PT1S");
    }

    @Test
    void aLargeLimitIsHandedOutInBatchesOfASixtiethOfItsPeriod() {
        var pace = WritePace.of("test", null, Optional.of(new RateLimit(600, Duration.ofMinutes(1))));

        // 588 a minute (98 %) in batches of 9: one every 918 ms
        assertThat(pace.toString()).contains("9 writes").contains("every 918 ms").contains("600 per PT1M");
    }

    @Test
    void aWriterThatIsNoLongerWantedStopsWaitingWithoutAPermit() {
        var pace = WritePace.of("test", null, Optional.of(new RateLimit(1, Duration.ofHours(1))));
        assertThat(pace.await(() -> true)).isTrue();

        assertThat(pace.await(() -> false)).isFalse();
    }
}
