package dev.clavis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private final List<Duration> hundred = IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList();

    @Test
    void theNearestRankIsTakenFromTheSortedValues() {
        assertThat(Percentiles.of(IntStream.rangeClosed(1, 100).mapToObj(i -> Duration.ofMillis(101 - i)).toList(), 50)).isEqualTo(Duration.ofMillis(50));
        assertThat(Percentiles.of(hundred, 99)).isEqualTo(Duration.ofMillis(99));
        assertThat(Percentiles.of(hundred, 100)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void oneValueIsEveryPercentileAndNoValueIsNone() {
        assertThat(Percentiles.of(List.of(Duration.ofSeconds(3)), 1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(Percentiles.of(List.of(), 95)).isNull();
    }
}
