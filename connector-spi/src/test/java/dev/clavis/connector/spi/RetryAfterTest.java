package dev.clavis.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock now = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void delaySecondsAreTheWait() {
        assertThat(RetryAfter.parse(" 120 ", now)).contains(Duration.ofMinutes(2));
    }

    @Test
    void anHttpDateIsTheWaitFromNow() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:00:45 GMT", now)).contains(Duration.ofSeconds(45));
    }

    @Test
    void aDateAlreadyPastAsksForNoWait() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void anythingElseOrNothingIsNoWait() {
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", now)).isEmpty();
        assertThat(RetryAfter.parse("", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
