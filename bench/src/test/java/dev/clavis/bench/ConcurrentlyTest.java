package dev.clavis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    private static final Instant LATER = Instant.now().plusSeconds(60);

    @Test
    void neverMoreItemsAreInFlightThanThereAreThreads() throws InterruptedException {
        var inFlight = new AtomicInteger();
        var most = new AtomicInteger();

        Concurrently.all(200, 4, LATER, i -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(1);
            inFlight.decrementAndGet();
        });

        assertThat(most.get()).isBetween(1, 4);
    }

    @Test
    void aPacedRunTakesAsLongAsItsRateSays() throws InterruptedException {
        long start = System.nanoTime();

        int done = Concurrently.until(11, 4, 100, LATER, i -> { });

        assertThat(done).isEqualTo(11);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(100);
    }

    @Test
    void theFirstFailureStopsTheRestAndIsReported() {
        var ran = new AtomicInteger();

        assertThatThrownBy(() -> Concurrently.all(1000, 2, LATER, i -> {
            ran.incrementAndGet();
            if (i == 3) {
                throw new IllegalStateException("item 3 broke");
            }
        })).isInstanceOf(BenchStopped.class).hasMessageContaining("item 3 broke");
        assertThat(ran.get()).isLessThan(1000);
    }

    @Test
    void nothingStartsAfterTheStopTime() throws InterruptedException {
        assertThat(Concurrently.until(10, 2, 0, Instant.now().minusSeconds(1), i -> { })).isZero();
    }
}
