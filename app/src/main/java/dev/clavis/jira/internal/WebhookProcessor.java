package dev.clavis.jira.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Processes stored deliveries one at a time. A delivery that needs Jira while Jira is away, or that
 * fails unexpectedly, is tried again with growing pauses; it is never dropped silently.
 */
class WebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

    private final WebhookInbox inbox;
    private final IssueEvents events;
    private final JiraSettings settings;
    private final Clock clock;

    WebhookProcessor(WebhookInbox inbox, IssueEvents events, JiraSettings settings, Clock clock) {
        this.inbox = inbox;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return whether there was a delivery to process */
    boolean processOne() {
        var claimed = inbox.claim();
        claimed.ifPresent(this::process);
        return claimed.isPresent();
    }

    private void process(WebhookInbox.Delivery delivery) {
        JsonNode event;
        try {
            event = EvidenceRecorder.JSON.readTree(delivery.body());
        } catch (JacksonException e) {
            log.warn("Jira webhook {} is not JSON and is ignored: {}", delivery.deliveryId(), e.getOriginalMessage());
            inbox.processed(delivery.id());
            return;
        }
        try {
            events.handle(event, () -> inbox.processed(delivery.id()));
        } catch (JiraCallFailed e) {
            retry(delivery, e.retryAfter(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Jira webhook {} failed and will be tried again", delivery.deliveryId(), e);
            retry(delivery, null, e.toString());
        }
    }

    private void retry(WebhookInbox.Delivery delivery, java.time.@org.jspecify.annotations.Nullable Duration retryAfter, String error) {
        Duration wait = Duration.ofSeconds(1).multipliedBy(1L << Math.min(delivery.attempts(), 20));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff();
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        inbox.retryLater(delivery.id(), clock.instant().plus(wait), error);
    }
}
