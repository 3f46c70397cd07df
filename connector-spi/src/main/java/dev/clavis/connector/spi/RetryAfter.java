package dev.clavis.connector.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header for a {@link TransientConnectorException}. RFC 9110 (section
 * 10.2.3) allows delay-seconds or an HTTP-date, and providers send both, so every connector reads both
 * the same way.
 */
public final class RetryAfter {

    private RetryAfter() {}

    /**
     * @param header the header's value, or null where the answer had none
     * @param clock what "now" is, for an HTTP-date
     * @return the wait asked for; zero for a date already past; empty where there is no header or it is
     *     neither form
     */
    public static Optional<Duration> parse(@Nullable String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
