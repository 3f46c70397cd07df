package dev.clavis.grant.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.clavis.grant.GrantExpiringSoon;
import dev.clavis.grant.GrantStatus;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expiry sweep and the reminders. The sweep runs a second after the last one ended, on one instance
 * at a time; with db-scheduler's half-second polling a grant is ended within two seconds of its expiry.
 * Should that instance die mid-sweep, another takes the sweep over once db-scheduler declares the
 * execution dead (its heartbeats stop; about a minute).
 * A reminder re-reads its grant: an extension moves it, and one that fires for a grant already ended does
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
class GrantExpiryJobs {

    @Bean
    RecurringTask<Void> grantExpirySweep(GrantExpiry expiry) {
        return Tasks.recurring("grant-expiry-sweep", FixedDelay.of(Duration.ofSeconds(1)))
                .execute((instance, context) -> expiry.endExpired(() -> context.getSchedulerState().isShuttingDown()));
    }

    @Bean
    OneTimeTask<Void> grantExpiryReminderJob(GrantStore store, ApplicationEventPublisher events, TransactionTemplate transactions) {
        return Tasks.oneTime(GrantReminders.TASK).execute((instance, context) -> transactions.executeWithoutResult(tx ->
                store.find(UUID.fromString(instance.getId()))
                        .filter(grant -> grant.status() == GrantStatus.ACTIVE && grant.expiresAt() != null)
                        .ifPresent(grant -> events.publishEvent(new GrantExpiringSoon(
                                grant.id(), grant.requestId(), grant.personId(), grant.expiresAt())))));
    }
}
