package dev.clavis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreMeasuredValuesByNearestRank() {
        List<Duration> latencies = IntStream.rangeClosed(1, 1000).map(i -> 1001 - i).mapToObj(Duration::ofMillis).toList();

        Latencies of = Latencies.of(latencies);

        assertThat(of.p50()).isEqualTo(Duration.ofMillis(500));
        assertThat(of.p99()).isEqualTo(Duration.ofMillis(990));
        assertThat(of.max()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void oneLatencyIsEveryPercentile() {
        Latencies of = Latencies.of(List.of(Duration.ofMillis(7)));

        assertThat(of.p50()).isEqualTo(of.p99()).isEqualTo(Duration.ofMillis(7));
        assertThat(of.p50AndP99()).isEqualTo("0.007 s / 0.007 s");
    }

    @Test
    void nothingMeasuredShowsAsADash() {
        assertThat(Latencies.of(List.of()).p50AndP99()).isEqualTo("–");
    }
}
