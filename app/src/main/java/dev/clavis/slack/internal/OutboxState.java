package dev.clavis.slack.internal;

import dev.clavis.slack.SlackStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the settings and the outbox, with or without the Slack app on (the table is always there).
 * The outbox keeps a week of messages at most, so the counts stay small reads.
 */
@Component
class OutboxState implements SlackStatus {

    private final Environment environment;
    private final JdbcTemplate jdbc;

    OutboxState(Environment environment, JdbcTemplate jdbc) {
        this.environment = environment;
        this.jdbc = jdbc;
    }

    @Override
    public State state() {
        long waiting = jdbc.queryForObject("select count(*) from slack_outbox where sent_at is null and failed_at is null", Long.class);
        long failed = jdbc.queryForObject("select count(*) from slack_outbox where failed_at is not null", Long.class);
        OffsetDateTime lastSent = jdbc.queryForObject("select max(sent_at) from slack_outbox", OffsetDateTime.class);
        String lastError = jdbc.queryForList("select last_error from slack_outbox where sent_at is null and last_error is not null"
                + " order by coalesce(failed_at, due_at) desc fetch first 1 rows only", String.class).stream().findFirst().orElse(null);
        Instant lastSentAt = lastSent == null ? null : lastSent.toInstant();
        return new State(SlackSettings.configured(environment), SlackSettings.socketMode(environment), waiting, failed, lastSentAt,
                lastError);
    }
}
