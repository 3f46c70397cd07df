package dev.clavis.jira.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook deliveries, stored before Jira is answered: once Jira has its 2xx, the delivery survives a
 * crash and is processed later. Processed deliveries are kept for a week so a redelivery is known.
 */
class WebhookInbox {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration KEEP = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Wakeup wakeup;

    WebhookInbox(JdbcClient jdbc, Clock clock, Wakeup wakeup) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wakeup = wakeup;
    }

    record Delivery(long id, String deliveryId, byte[] body, int attempts) {}

    /** @return false when this delivery was received before */
    boolean accept(String deliveryId, byte[] body) {
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into jira_webhook (delivery_id, body, received_at, next_attempt_at) values (?, ?, ?, ?)")
                    .params(deliveryId, body, Timestamp.from(now), Timestamp.from(now)).update();
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
        wakeup.signal();
        return true;
    }

    Optional<Delivery> claim() {
        Instant now = clock.instant();
        List<Long> due = jdbc.sql("""
                        select id from jira_webhook
                        where processed_at is null and next_attempt_at <= ? and (lease_until is null or lease_until < ?)
                        order by id fetch first 10 rows only""")
                .params(Timestamp.from(now), Timestamp.from(now)).query(Long.class).list();
        for (long id : due) {
            if (jdbc.sql("update jira_webhook set lease_until = ? where id = ? and processed_at is null and (lease_until is null or lease_until < ?)")
                    .params(Timestamp.from(now.plus(LEASE)), id, Timestamp.from(now)).update() == 1) {
                return jdbc.sql("select id, delivery_id, body, attempts from jira_webhook where id = ?").param(id)
                        .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getString("delivery_id"), rs.getBytes("body"), rs.getInt("attempts")))
                        .optional();
            }
        }
        return Optional.empty();
    }

    /** In the transaction of what the delivery caused, so it is processed exactly once in effect. */
    void processed(long id) {
        jdbc.sql("update jira_webhook set processed_at = ?, lease_until = null where id = ?").params(Timestamp.from(clock.instant()), id).update();
    }

    void retryLater(long id, Instant next, String error) {
        jdbc.sql("update jira_webhook set attempts = attempts + 1, next_attempt_at = ?, lease_until = null, last_error = ? where id = ?")
                .params(Timestamp.from(next), error.length() > 2000 ? error.substring(0, 2000) : error, id).update();
    }

    /** Forgets deliveries processed long enough ago that Jira no longer redelivers them. */
    int forgetOld() {
        return jdbc.sql("delete from jira_webhook where processed_at < ?").param(Timestamp.from(clock.instant().minus(KEEP))).update();
    }
}
