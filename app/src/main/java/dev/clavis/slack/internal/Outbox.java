package dev.clavis.slack.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages waiting to go to Slack. Queuing is a row written at once (in the caller's transaction, if
 * any), so nothing that happens in Clavis waits for Slack; {@link OutboxSender} sends them in order per
 * conversation, paced, and keeps them through outages and restarts. Each message has a key derived
 * from what caused it, so an event delivered twice queues one message.
 */
@Component
@OnSlack
class Outbox {

    static final String POST = "chat.postMessage";
    static final String UPDATE = "chat.update";
    static final String RESPOND = "response_url";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** A message is waiting: wakes the sender. */
    record Queued() {}

    /** One message to send: {@code approval} set means it is rendered from the request when it is sent. */
    record Message(UUID id, String conversation, @Nullable UUID personId, String method, Map<String, Object> arguments,
            @Nullable ApprovalRef approval, int attempts) {}

    record ApprovalRef(UUID requestId, int stage, UUID personId) {}

    /** A direct message to a person, sent once their Slack user is known. */
    void toPerson(String key, UUID personId, Map<String, Object> message) {
        insert(key, "person:" + personId, personId, POST, message, null);
    }

    /** A direct message to a Slack user who may be no directory person. */
    void toSlackUser(String key, String slackUserId, Map<String, Object> message) {
        var arguments = new java.util.LinkedHashMap<String, Object>(message);
        arguments.put("channel", slackUserId);
        insert(key, "slack:" + slackUserId, null, POST, arguments, null);
    }

    /** An approver's message about a stage, with its buttons while the stage waits for them. */
    void approvalRequest(UUID requestId, int stage, UUID approver) {
        jdbc.update("insert into slack_approval_message (request_id, stage, person_id) values (?, ?, ?) on conflict do nothing",
                requestId, stage, approver);
        insert("approval:" + requestId + ":" + stage + ":" + approver, "person:" + approver, approver, POST, Map.of(),
                new ApprovalRef(requestId, stage, approver));
    }

    /** Brings every approver's message about the request up to date; {@code cause} names what changed. */
    void refreshApprovals(UUID requestId, String cause) {
        record Posted(int stage, UUID person, String channel, String ts) {}
        var posted = jdbc.query("select stage, person_id, channel, ts from slack_approval_message where request_id = ? and ts is not null",
                (row, i) -> new Posted(row.getInt(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4)), requestId);
        for (Posted message : posted) {
            insert("update:" + requestId + ":" + message.stage() + ":" + message.person() + ":" + cause, "person:" + message.person(),
                    message.person(), UPDATE, Map.of("channel", message.channel(), "ts", message.ts()),
                    new ApprovalRef(requestId, message.stage(), message.person()));
        }
    }

    /** A reply to a command or a click, through the {@code response_url} that came with it. */
    void respond(String key, String responseUrl, Map<String, Object> message) {
        insert("respond:" + key, "response:" + key, null, RESPOND, Map.of("url", responseUrl, "message", message), null);
    }

    /** Where an approval message landed, so it can be updated later, and what it shows (a digest). */
    void posted(ApprovalRef approval, String channel, String ts, String shown) {
        jdbc.update("update slack_approval_message set channel = ?, ts = ?, shown = ? where request_id = ? and stage = ? and person_id = ?",
                channel, ts, shown, approval.requestId(), approval.stage(), approval.personId());
    }

    void shown(ApprovalRef approval, String shown) {
        jdbc.update("update slack_approval_message set shown = ? where request_id = ? and stage = ? and person_id = ?",
                shown, approval.requestId(), approval.stage(), approval.personId());
    }

    /** The digest of what the approver's message shows now; empty before it was posted. */
    Optional<String> shown(ApprovalRef approval) {
        return jdbc.queryForList("select shown from slack_approval_message where request_id = ? and stage = ? and person_id = ?"
                + " and shown is not null", String.class, approval.requestId(), approval.stage(), approval.personId()).stream().findFirst();
    }

    private void insert(String key, String conversation, @Nullable UUID personId, String method, Map<String, Object> arguments,
            @Nullable ApprovalRef approval) {
        Instant now = clock.instant();
        int inserted = jdbc.update("insert into slack_outbox (id, dedupe_key, conversation, person_id, method, arguments, approval_request_id,"
                    + " approval_stage, approval_person_id, created_at, due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    UUID.randomUUID(), key.length() > 200 ? key.substring(0, 200) : key, conversation, personId, method,
                    json.writeValueAsString(arguments), approval == null ? null : approval.requestId(),
                    approval == null ? null : approval.stage(), approval == null ? null : approval.personId(),
                    now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
        if (inserted == 1) {
            events.publishEvent(new Queued());
        }
    }

    /**
     * Takes the next messages that may go now: due, the oldest unsent of their conversation, and
     * their conversation not written to within {@code interval}. Each is leased to this instance.
     */
    List<Message> claim(Duration interval, int limit) {
        Instant now = clock.instant();
        var candidates = jdbc.query("select o.id, o.conversation, o.person_id, o.method, o.arguments, o.approval_request_id,"
                + " o.approval_stage, o.approval_person_id, o.attempts from slack_outbox o"
                + " where o.sent_at is null and o.failed_at is null and o.due_at <= ? and (o.claimed_until is null or o.claimed_until < ?)"
                + " and not exists (select 1 from slack_outbox e where e.conversation = o.conversation and e.sent_at is null"
                + "   and e.failed_at is null and e.created_at < o.created_at)"
                + " and not exists (select 1 from slack_outbox p where p.conversation = o.conversation and p.sent_at > ?)"
                + " order by o.due_at, o.created_at fetch first " + limit + " rows only",
                (row, i) -> new Message(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class),
                        row.getString(4), arguments(row.getString(5)),
                        row.getObject(6, UUID.class) == null ? null
                                : new ApprovalRef(row.getObject(6, UUID.class), row.getInt(7), row.getObject(8, UUID.class)),
                        row.getInt(9)),
                now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), now.minus(interval).atOffset(ZoneOffset.UTC));
        return candidates.stream().filter(m -> jdbc.update("update slack_outbox set claimed_until = ? where id = ? and sent_at is null"
                + " and (claimed_until is null or claimed_until < ?)", now.plus(InboundLog.LEASE).atOffset(ZoneOffset.UTC), m.id(),
                now.atOffset(ZoneOffset.UTC)) == 1).toList();
    }

    /** Forgets messages sent or set aside before {@code before}; events are redelivered within minutes, not days. */
    int forget(Instant before) {
        var at = before.atOffset(ZoneOffset.UTC);
        return jdbc.update("delete from slack_outbox where sent_at < ? or failed_at < ?", at, at);
    }

    void sent(UUID id) {
        jdbc.update("update slack_outbox set sent_at = ?, claimed_until = null where id = ?", clock.instant().atOffset(ZoneOffset.UTC), id);
    }

    void later(UUID id, Duration wait, String error) {
        jdbc.update("update slack_outbox set due_at = ?, attempts = attempts + 1, claimed_until = null, last_error = ? where id = ?",
                clock.instant().plus(wait).atOffset(ZoneOffset.UTC), truncated(error), id);
    }

    void failed(UUID id, String error) {
        jdbc.update("update slack_outbox set failed_at = ?, claimed_until = null, last_error = ? where id = ?",
                clock.instant().atOffset(ZoneOffset.UTC), truncated(error), id);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> arguments(String text) {
        return json.readValue(text, Map.class);
    }

    private static String truncated(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
