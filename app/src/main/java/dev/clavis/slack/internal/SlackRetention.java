package dev.clavis.slack.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the inbound log and the outbox from growing for ever: what was handled or sent more than
 * {@link #KEPT} ago is deleted hourly. Their keys only need to outlive Slack's retries and a
 * redelivered event, which come within minutes; the audit trail, not these tables, is the history.
 */
@Component
@OnSlack
class SlackRetention implements DisposableBean {

    static final Duration KEPT = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(SlackRetention.class);

    private final InboundLog inbound;
    private final Outbox outbox;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("slack-retention-"));

    SlackRetention(InboundLog inbound, Outbox outbox, Clock clock) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::forgetOld, 1, 60, TimeUnit.MINUTES);
    }

    void forgetOld() {
        try {
            var before = clock.instant().minus(KEPT);
            int calls = inbound.forget(before);
            int messages = outbox.forget(before);
            if (calls + messages > 0) {
                log.info("Forgot {} handled Slack calls and {} sent Slack messages older than {}", calls, messages, KEPT);
            }
        } catch (RuntimeException e) {
            log.warn("Could not clear old Slack calls and messages: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
