package dev.clavis.slack.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every verified call from Slack, kept until it has been handled. The key is what Slack repeats when
 * it retries (the trigger of a command or an interaction), so a retried call is recorded once and
 * handled once; and a call recorded just before a crash is still handled after it.
 */
@Component
@OnSlack
class InboundLog {

    static final Duration LEASE = Duration.ofMinutes(1);
    static final int MAX_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboundLog(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record Received(String key) {}

    record Entry(String key, String kind, String body, int attempts) {}

    /** @return false when Slack already sent this call: it is not handled again */
    boolean record(String key, String kind, String body) {
        int inserted = jdbc.update("insert into slack_inbound (dedupe_key, kind, body, received_at) values (?, ?, ?, ?) on conflict do nothing",
                key, kind, body, clock.instant().atOffset(ZoneOffset.UTC));
        if (inserted == 0) {
            return false;
        }
        events.publishEvent(new Received(key));
        return true;
    }

    /** Takes the entry for this instance for a while, unless it is done or someone else has it. */
    Optional<Entry> claim(String key) {
        Instant now = clock.instant();
        int claimed = jdbc.update("update slack_inbound set claimed_until = ?, attempts = attempts + 1 where dedupe_key = ?"
                + " and done_at is null and attempts < ? and (claimed_until is null or claimed_until < ?)",
                now.plus(LEASE).atOffset(ZoneOffset.UTC), key, MAX_ATTEMPTS, now.atOffset(ZoneOffset.UTC));
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.query("select dedupe_key, kind, body, attempts from slack_inbound where dedupe_key = ?",
                (row, i) -> new Entry(row.getString(1), row.getString(2), row.getString(3), row.getInt(4)), key).stream().findFirst();
    }

    void done(String key, String outcome) {
        jdbc.update("update slack_inbound set done_at = ?, outcome = ? where dedupe_key = ?",
                clock.instant().atOffset(ZoneOffset.UTC), outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome, key);
    }

    /** Slack itself could not be reached: try again after a while, without using up an attempt. */
    void retryLater(String key, Duration wait) {
        jdbc.update("update slack_inbound set attempts = attempts - 1, claimed_until = ? where dedupe_key = ?",
                clock.instant().plus(wait).atOffset(ZoneOffset.UTC), key);
    }

    /** Forgets handled calls received before {@code before}; Slack's retries and replays come within minutes. */
    int forget(Instant before) {
        return jdbc.update("delete from slack_inbound where done_at is not null and received_at < ?", before.atOffset(ZoneOffset.UTC));
    }

    /** Entries nobody is handling: left by a crash, or by an attempt that failed. */
    List<String> abandoned() {
        Instant now = clock.instant();
        return jdbc.queryForList("select dedupe_key from slack_inbound where done_at is null and attempts < ?"
                + " and (claimed_until is null or claimed_until < ?) and received_at < ? order by received_at fetch first 50 rows only",
                String.class, MAX_ATTEMPTS, now.atOffset(ZoneOffset.UTC), now.minusSeconds(5).atOffset(ZoneOffset.UTC));
    }
}
