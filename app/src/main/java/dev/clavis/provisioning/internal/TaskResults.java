package dev.clavis.provisioning.internal;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.directory.Directory;
import dev.clavis.provisioning.MembershipChangeConfirmed;
import dev.clavis.provisioning.MembershipChangeFailed;
import dev.clavis.provisioning.MembershipChangeRetrying;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of an attempt, each in one transaction with its event: the task's new state,
 * Clavis's copy of the membership and the event (so synchronous listeners such as the audit trail
 * commit with it, and the event registry keeps it for asynchronous ones). A worker whose claim was
 * taken over after its lease ran out records nothing; the worker holding the task now will.
 */
@Component
class TaskResults {

    private static final Logger log = LoggerFactory.getLogger(TaskResults.class);

    private final JdbcTasks tasks;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ProvisioningMetrics metrics;
    private final Clock clock;
    private final int maxAttempts;
    private final Backoff backoff;

    TaskResults(JdbcTasks tasks, Directory directory, ApplicationEventPublisher events, TransactionTemplate transactions,
            ProvisioningMetrics metrics, Clock clock, ProvisioningSettings settings) {
        this.tasks = tasks;
        this.directory = directory;
        this.events = events;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAttempts = settings.maxAttempts();
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    void confirmed(ClaimedTask claim, MembershipOutcome outcome) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (!tasks.markDone(claim, outcome, now)) {
                lost(claim);
                return;
            }
            MembershipTask task = claim.task();
            directory.recordMembership(task.groupName(), task.personId(), task.operation() == MembershipOperation.ADD);
            events.publishEvent(new MembershipChangeConfirmed(claim.id(), task.reference(), task.operation(),
                    task.groupName(), task.personId(), outcome, claim.attempt(), claim.queuedAt(), now));
        });
    }

    /**
     * A transient error is retried until the attempts run out; anything the connector did not classify
     * is taken as transient too, since retrying is safe and giving up at once on a bug's first symptom
     * is not.
     */
    void erred(ClaimedTask claim, RuntimeException error) {
        if (error instanceof PermanentConnectorException || claim.attempt() >= maxAttempts) {
            failed(claim, text(error));
            return;
        }
        Optional<Duration> retryAfter = error instanceof TransientConnectorException transientError
                ? transientError.retryAfter()
                : Optional.empty();
        String text = text(error);
        transactions.executeWithoutResult(status -> {
            Instant next = clock.instant().plus(backoff.after(claim.attempt(), retryAfter));
            if (!tasks.markRetrying(claim, text, next)) {
                lost(claim);
                return;
            }
            MembershipTask task = claim.task();
            events.publishEvent(new MembershipChangeRetrying(claim.id(), task.reference(), task.operation(),
                    task.groupName(), task.personId(), text, claim.attempt(), next));
        });
    }

    private void failed(ClaimedTask claim, String error) {
        Boolean recorded = transactions.execute(status -> {
            Instant now = clock.instant();
            if (!tasks.markFailed(claim, error, now)) {
                lost(claim);
                return false;
            }
            MembershipTask task = claim.task();
            events.publishEvent(new MembershipChangeFailed(claim.id(), task.reference(), task.operation(),
                    task.groupName(), task.personId(), error, claim.attempt(), now));
            return true;
        });
        if (Boolean.TRUE.equals(recorded)) {
            metrics.failed();
            MembershipTask task = claim.task();
            log.warn("Gave up task {} ({} person {} in '{}' for {}) after {} attempt(s): {}", claim.id(),
                    task.operation(), task.personId(), task.groupName(), task.reference(), claim.attempt(), error);
        }
    }

    private static void lost(ClaimedTask claim) {
        log.info("Task {} was taken up again after the lease of {} ran out; its result is left to the new claim",
                claim.id(), claim.worker());
    }

    private static String text(RuntimeException error) {
        String text = error instanceof ConnectorException && error.getMessage() != null
                ? error.getMessage()
                : error.toString();
        return text.length() <= JdbcTasks.MAX_ERROR_LENGTH ? text : text.substring(0, JdbcTasks.MAX_ERROR_LENGTH);
    }
}
