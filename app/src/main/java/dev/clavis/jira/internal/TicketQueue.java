package dev.clavis.jira.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable queue of calls to Jira, ordered per ticket. Steps are added in the transaction of the
 * change they report, so none is lost and none is told before its change commits; a worker leases a
 * whole ticket, so one issue is written by one worker at a time, in order.
 */
class TicketQueue {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Wakeup wakeup;

    TicketQueue(JdbcClient jdbc, Clock clock, Wakeup wakeup) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wakeup = wakeup;
    }

    /** The request's ticket, made (without an issue yet) when it has none. */
    Ticket forRequest(UUID requestId, String origin) {
        return byRequest(requestId).orElseGet(() -> insert(requestId, origin, null));
    }

    /** The ticket for replying on an issue that has no request, so the replies keep their order. */
    Ticket forAnswer(String issueKey) {
        return jdbc.sql("select * from jira_ticket where issue_key = ? and origin = 'answer'").param(issueKey)
                .query(TicketQueue::ticket).optional()
                .orElseGet(() -> insert(null, Ticket.ANSWER, issueKey));
    }

    Optional<Ticket> byRequest(UUID requestId) {
        return jdbc.sql("select * from jira_ticket where request_id = ?").param(requestId).query(TicketQueue::ticket).optional();
    }

    /** The request an issue was made for or mirrors: the one its approvals and cancellation act on. */
    Optional<Ticket> requestOfIssue(String issueKey) {
        return jdbc.sql("select * from jira_ticket where issue_key = ? and origin in ('created', 'mirrored') and request_id is not null")
                .param(issueKey).query(TicketQueue::ticket).optional();
    }

    void linkIssue(UUID ticketId, String issueKey, @Nullable String issueId) {
        jdbc.sql("update jira_ticket set issue_key = ?, issue_id = ? where id = ?").params(issueKey, issueId, ticketId).update();
    }

    void add(UUID ticketId, Step.Kind kind, String payload) {
        jdbc.sql("insert into jira_step (ticket_id, kind, payload, created_at) values (?, ?, ?, ?)")
                .params(ticketId, kind.name(), payload, Timestamp.from(clock.instant())).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeup.signal();
                }
            });
        } else {
            wakeup.signal();
        }
    }

    /** Leases a ticket with steps due, if there is one; the lease outlives a crashed worker by {@link #LEASE}. */
    Optional<Ticket> claim() {
        Instant now = clock.instant();
        List<UUID> due = jdbc.sql("""
                        select t.id from jira_ticket t
                        where t.next_attempt_at <= ? and (t.lease_until is null or t.lease_until < ?)
                          and exists (select 1 from jira_step s where s.ticket_id = t.id)
                        order by t.next_attempt_at fetch first 10 rows only""")
                .params(Timestamp.from(now), Timestamp.from(now)).query(UUID.class).list();
        for (UUID id : due) {
            int leased = jdbc.sql("update jira_ticket set lease_until = ? where id = ? and (lease_until is null or lease_until < ?)")
                    .params(Timestamp.from(now.plus(LEASE)), id, Timestamp.from(now)).update();
            if (leased == 1) {
                return jdbc.sql("select * from jira_ticket where id = ?").param(id).query(TicketQueue::ticket).optional();
            }
        }
        return Optional.empty();
    }

    List<Step> steps(UUID ticketId) {
        return jdbc.sql("select id, kind, payload from jira_step where ticket_id = ? order by id").param(ticketId)
                .query((rs, n) -> new Step(rs.getLong("id"), Step.Kind.valueOf(rs.getString("kind")), rs.getString("payload")))
                .list();
    }

    void done(Collection<Long> stepIds) {
        for (Long id : stepIds) {
            jdbc.sql("delete from jira_step where id = ?").param(id).update();
        }
    }

    /** Everything sent (or passed over, see {@code last_error}): the ticket is free and its backoff starts over. */
    void release(UUID ticketId) {
        jdbc.sql("update jira_ticket set lease_until = null, attempts = 0 where id = ?").param(ticketId).update();
    }

    /** Jira could not be reached or refused for now: try the ticket again at {@code next}. */
    void retryLater(UUID ticketId, Instant next, String error) {
        jdbc.sql("update jira_ticket set lease_until = null, attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(next), shorten(error), ticketId).update();
    }

    void recordError(UUID ticketId, String error) {
        jdbc.sql("update jira_ticket set last_error = ? where id = ?").params(shorten(error), ticketId).update();
    }

    private Ticket insert(@Nullable UUID requestId, String origin, @Nullable String issueKey) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into jira_ticket (id, request_id, origin, issue_key, next_attempt_at) values (?, ?, ?, ?, ?)")
                .params(id, requestId, origin, issueKey, Timestamp.from(clock.instant())).update();
        return new Ticket(id, requestId, origin, issueKey, 0);
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class), rs.getString("origin"),
                rs.getString("issue_key"), rs.getInt("attempts"));
    }

    private static String shorten(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
