package dev.clavis.provisioning.internal;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.directory.Directory;
import dev.clavis.provisioning.MembershipChangeConfirmed;
import dev.clavis.provisioning.MembershipChangeFailed;
import dev.clavis.provisioning.MembershipChangeRetrying;
import dev.clavis.provisioning.MembershipChangesConfirmed;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of a worker's attempts, a batch in one transaction with their events: each task's
 * new state, Clavis's copy of the memberships and the event (so synchronous listeners such as the audit
 * trail commit with it, and the event registry keeps it for asynchronous ones). A worker whose claim was
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

    /**
     * Records a batch of attempts in one transaction: one batched update marks the confirmed tasks done,
     * then each confirmation and error publishes its event, and the confirmations together one more, whose
     * listeners (audit, grant, request) run in that transaction too. Should the batch fail to commit (a
     * listener's error, or a deadlock with another batch's listeners over a grant both touch), each attempt
     * is recorded on its own, so one bad result does not hold up the others until their leases run out.
     */
    void record(List<Attempt> attempts) {
        if (attempts.size() == 1) {
            recordTogether(attempts);
            return;
        }
        try {
            recordTogether(attempts);
        } catch (RuntimeException e) {
            log.warn("Recording {} results together failed; recording each on its own", attempts.size(), e);
            for (Attempt attempt : attempts) {
                try {
                    recordTogether(List.of(attempt));
                } catch (RuntimeException alone) {
                    log.warn("Recording the result of task {} failed; it runs again once its lease ends",
                            attempt.claim().id(), alone);
                }
            }
        }
    }

    private void recordTogether(List<Attempt> attempts) {
        List<Attempt> givenUp = transactions.execute(status -> {
            Instant now = clock.instant();
            confirm(attempts.stream().filter(attempt -> attempt.outcome() != null).toList(), now);
            var failed = new ArrayList<Attempt>();
            for (Attempt attempt : attempts) {
                RuntimeException error = attempt.error();
                if (error != null && erred(attempt.claim(), error, now)) {
                    failed.add(attempt);
                }
            }
            return failed;
        });
        for (Attempt attempt : givenUp == null ? List.<Attempt>of() : givenUp) {
            metrics.failed();
            ClaimedTask claim = attempt.claim();
            MembershipTask task = claim.task();
            log.warn("Gave up task {} ({} person {} in '{}' for {}) after {} attempt(s): {}", claim.id(),
                    task.operation(), task.personId(), task.groupName(), task.reference(), claim.attempt(),
                    attempt.error() == null ? "" : text(attempt.error()));
        }
    }

    private void confirm(List<Attempt> confirmed, Instant now) {
        if (confirmed.isEmpty()) {
            return;
        }
        List<ClaimedTask> claims = confirmed.stream().map(Attempt::claim).toList();
        List<MembershipOutcome> outcomes = confirmed.stream().map(Attempt::outcome).toList();
        boolean[] held = tasks.markDone(claims, outcomes, now);
        var recorded = new ArrayList<Attempt>();
        for (int i = 0; i < claims.size(); i++) {
            if (held[i]) {
                recorded.add(confirmed.get(i));
            } else {
                lost(claims.get(i));
            }
        }
        directory.recordMemberships(recorded.stream().map(Attempt::claim).map(ClaimedTask::task)
                .map(task -> new Directory.MembershipChange(task.groupName(), task.personId(),
                        task.operation() == MembershipOperation.ADD))
                .toList());
        var changes = new ArrayList<MembershipChangeConfirmed>(recorded.size());
        for (Attempt attempt : recorded) {
            ClaimedTask claim = attempt.claim();
            MembershipTask task = claim.task();
            var change = new MembershipChangeConfirmed(claim.id(), task.reference(), task.operation(),
                    task.groupName(), task.personId(), attempt.outcome(), claim.attempt(), claim.queuedAt(), now);
            events.publishEvent(change);
            changes.add(change);
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new MembershipChangesConfirmed(changes));
        }
    }

    /**
     * A transient error is retried until the attempts run out; anything the connector did not classify
     * is taken as transient too, since retrying is safe and giving up at once on a bug's first symptom
     * is not.
     *
     * @return whether the task was given up
     */
    private boolean erred(ClaimedTask claim, RuntimeException error, Instant now) {
        String text = text(error);
        MembershipTask task = claim.task();
        if (error instanceof PermanentConnectorException || claim.attempt() >= maxAttempts) {
            if (!tasks.markFailed(claim, text, now)) {
                lost(claim);
                return false;
            }
            events.publishEvent(new MembershipChangeFailed(claim.id(), task.reference(), task.operation(),
                    task.groupName(), task.personId(), text, claim.attempt(), now));
            return true;
        }
        Optional<Duration> retryAfter = error instanceof TransientConnectorException transientError
                ? transientError.retryAfter()
                : Optional.empty();
        Instant next = now.plus(backoff.after(claim.attempt(), retryAfter));
        if (!tasks.markRetrying(claim, text, next)) {
            lost(claim);
            return false;
        }
        events.publishEvent(new MembershipChangeRetrying(claim.id(), task.reference(), task.operation(),
                task.groupName(), task.personId(), text, claim.attempt(), next));
        return false;
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
