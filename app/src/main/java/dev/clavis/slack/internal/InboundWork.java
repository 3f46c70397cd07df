package dev.clavis.slack.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
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
 * Handles what Slack sent, after Slack has had its answer: at once on this instance, and again from
 * the log for an entry a crash or a failure left unhandled (at most {@link InboundLog#MAX_ATTEMPTS} times).
 */
@Component
@OnSlack
class InboundWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboundWork.class);

    private static final Duration RETRY_WHILE_SLACK_IS_AWAY = Duration.ofSeconds(10);

    private final InboundLog inbound;
    private final SlashCommands commands;
    private final Interactions interactions;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, new CustomizableThreadFactory("slack-inbound-"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            new CustomizableThreadFactory("slack-inbound-sweep-"));

    InboundWork(InboundLog inbound, SlashCommands commands, Interactions interactions) {
        this.inbound = inbound;
        this.commands = commands;
        this.interactions = interactions;
    }

    @EventListener
    void received(InboundLog.Received received) {
        workers.submit(() -> handle(received.key()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepLeftovers() {
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                inbound.abandoned().forEach(key -> workers.submit(() -> handle(key)));
            } catch (RuntimeException e) {
                log.warn("Could not look for unhandled Slack calls: {}", e.getMessage());
            }
        }, 5, 5, TimeUnit.SECONDS);
    }

    private void handle(String key) {
        inbound.claim(key).ifPresent(entry -> {
            try {
                String outcome = switch (entry.kind()) {
                    case "command" -> commands.handle(SlackForm.parse(entry.body()));
                    default -> interactions.handle(entry.kind(), entry.body());
                };
                inbound.done(key, outcome);
            } catch (SlackApi.Unavailable | SlackApi.RateLimited e) {
                log.info("Slack call {} waits for Slack: {}", key, e.getMessage());
                inbound.retryLater(key, RETRY_WHILE_SLACK_IS_AWAY);
            } catch (RuntimeException e) {
                log.warn("Handling Slack call {} failed (attempt {}): {}", key, entry.attempts(), e.toString());
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        sweeper.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
