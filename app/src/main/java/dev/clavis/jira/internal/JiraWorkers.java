package dev.clavis.jira.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The threads that work the webhook inbox (one) and the ticket queue ({@code clavis.jira.workers}).
 * Each works while there is work and otherwise waits for a commit's wake-up or the poll interval;
 * all state is in the database, so several instances share the work and a stopped one loses nothing.
 */
class JiraWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JiraWorkers.class);
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    private final WebhookProcessor webhooks;
    private final TicketWriter writer;
    private final WebhookInbox inbox;
    private final JiraSettings settings;
    private final Wakeup inboxWakeup;
    private final Wakeup queueWakeup;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private Instant lastForget = Instant.EPOCH;

    JiraWorkers(WebhookProcessor webhooks, TicketWriter writer, WebhookInbox inbox, JiraSettings settings, Wakeup inboxWakeup,
            Wakeup queueWakeup, Clock clock) {
        this.webhooks = webhooks;
        this.writer = writer;
        this.inbox = inbox;
        this.settings = settings;
        this.inboxWakeup = inboxWakeup;
        this.queueWakeup = queueWakeup;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        running = true;
        threads.add(thread("jira-webhooks", () -> loop(this::processWebhook, inboxWakeup)));
        for (int i = 0; i < Math.max(1, settings.workers()); i++) {
            threads.add(thread("jira-writer-" + i, () -> loop(writer::workOne, queueWakeup)));
        }
    }

    private boolean processWebhook() {
        if (Duration.between(lastForget, clock.instant()).compareTo(FORGET_EVERY) > 0) {
            lastForget = clock.instant();
            inbox.forgetOld();
        }
        return webhooks.processOne();
    }

    private static Thread thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void loop(BooleanSupplier workOne, Wakeup wakeup) {
        while (running) {
            try {
                if (!workOne.getAsBoolean()) {
                    wakeup.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Jira worker {} failed; it goes on after a pause", Thread.currentThread().getName(), e);
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        // Not interrupted: a thread inside a database call would leave its connection broken.
        threads.forEach(thread -> {
            inboxWakeup.signal();
            queueWakeup.signal();
        });
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
