package dev.clavis.slack.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the {@link Outbox}: one conversation's messages in order and at most one per
 * {@code perConversationInterval}; on {@code 429} after Slack's {@code Retry-After}; while Slack is
 * unreachable, again and again with a growing pause, so an outage delays messages and loses none.
 * A message Slack refuses (no such user, a message deleted) is set aside with Slack's error. An
 * approver's message is drawn when it is sent, and an update that would show the same is skipped.
 */
@Component
@OnSlack
class OutboxSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final SlackApi slack;
    private final SlackPeople people;
    private final Directory directory;
    private final ApprovalMessages approvals;
    private final SlackSettings settings;
    private final JsonMapper json;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("slack-outbox-"));
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    OutboxSender(Outbox outbox, SlackApi slack, SlackPeople people, Directory directory, ApprovalMessages approvals,
            SlackSettings settings, JsonMapper json) {
        this.outbox = outbox;
        this.slack = slack;
        this.people = people;
        this.directory = directory;
        this.approvals = approvals;
        this.settings = settings;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        loop.scheduleWithFixedDelay(this::sendDue, 0, IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A message queued in a transaction goes as soon as that commits, not at the next poll. */
    @TransactionalEventListener(fallbackExecution = true)
    void queued(Outbox.Queued queued) {
        if (wakeQueued.compareAndSet(false, true)) {
            loop.execute(() -> {
                wakeQueued.set(false);
                sendDue();
            });
        }
    }

    private void sendDue() {
        try {
            var due = outbox.claim(settings.perConversationInterval(), 20);
            while (!due.isEmpty()) {
                due.forEach(this::send);
                due = outbox.claim(settings.perConversationInterval(), 20);
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the Slack outbox: {}", e.getMessage());
        }
    }

    private void send(Outbox.Message message) {
        try {
            if (message.method().equals(Outbox.RESPOND)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> reply = (Map<String, Object>) message.arguments().get("message");
                slack.respond((String) message.arguments().get("url"), reply);
                outbox.sent(message.id());
                return;
            }
            var arguments = new LinkedHashMap<String, Object>(message.arguments());
            if (message.method().equals(Outbox.POST) && message.personId() != null) {
                Optional<String> user = directory.person(message.personId()).flatMap(people::slackUser);
                if (user.isEmpty()) {
                    outbox.failed(message.id(), "no Slack user has the email of person " + message.personId());
                    return;
                }
                arguments.put("channel", user.get());
            }
            var ref = message.approval();
            String shown = "";
            if (ref != null) {
                Map<String, Object> rendered = approvals.render(ref.requestId(), ref.stage(), ref.personId());
                shown = digest(rendered);
                if (message.method().equals(Outbox.UPDATE) && outbox.shown(ref).filter(shown::equals).isPresent()) {
                    outbox.sent(message.id());
                    return;
                }
                arguments.putAll(rendered);
            }
            SlackApi.Posted answer = message.method().equals(Outbox.UPDATE) ? slack.update(arguments) : slack.post(arguments);
            outbox.sent(message.id());
            if (ref != null && message.method().equals(Outbox.POST)) {
                String ts = answer.ts();
                outbox.posted(ref, answer.channel(), ts, shown);
                if (!shown.equals(digest(approvals.render(ref.requestId(), ref.stage(), ref.personId())))) {
                    outbox.refreshApprovals(ref.requestId(), "changed-while-posting:" + ts);
                }
            } else if (ref != null) {
                outbox.shown(ref, shown);
            }
        } catch (SlackApi.RateLimited e) {
            outbox.later(message.id(), e.retryAfter, e.getMessage());
        } catch (SlackApi.Unavailable e) {
            outbox.later(message.id(), backoff(message.attempts()), e.getMessage());
        } catch (SlackApi.Refused e) {
            log.warn("Slack refused a message ({}): {}", message.method(), e.error);
            outbox.failed(message.id(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Could not send a Slack message ({}): {}", message.method(), e.toString());
            outbox.later(message.id(), backoff(message.attempts()), e.toString());
        }
    }

    /** What an approver's message shows, so an update that would change nothing is not sent. */
    private String digest(Map<String, Object> rendered) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(rendered).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 9));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @Override
    public void destroy() {
        loop.shutdownNow();
    }
}
