package dev.clavis.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadableDurationTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(ReadableDuration.of(null)).isEqualTo("–");
        assertThat(ReadableDuration.of(Duration.ofMillis(740))).isEqualTo("0.7 s");
        assertThat(ReadableDuration.of(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(ReadableDuration.of(Duration.ofMinutes(12).plusSeconds(30))).isEqualTo("12 min");
        assertThat(ReadableDuration.of(Duration.ofHours(3).plusMinutes(5))).isEqualTo("3 h 5 min");
        assertThat(ReadableDuration.of(Duration.ofHours(6))).isEqualTo("6 h");
        assertThat(ReadableDuration.of(Duration.ofDays(2).plusHours(4))).isEqualTo("2 d 4 h");
    }
}
