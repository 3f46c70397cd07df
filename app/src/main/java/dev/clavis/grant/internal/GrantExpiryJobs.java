package dev.clavis.grant.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.clavis.grant.GrantExpiringSoon;
import dev.clavis.grant.GrantStatus;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expiry of a grant and its reminder. Both re-read the grant: an extension moves the task, and a
 * task that fires for a grant already ended, or no longer due, does nothing.
 */
@Configuration(proxyBeanMethods = false)
class GrantExpiryJobs {

    @Bean
    OneTimeTask<Void> grantExpiryJob(GrantStore store, GrantEnding ending, TransactionTemplate transactions, Clock clock) {
        return Tasks.oneTime(GrantSchedule.EXPIRY).execute((instance, context) -> transactions.executeWithoutResult(tx ->
                store.lock(UUID.fromString(instance.getId()))
                        .filter(grant -> grant.status() == GrantStatus.ACTIVE)
                        .filter(grant -> grant.expiresAt() != null && !grant.expiresAt().isAfter(clock.instant()))
                        .ifPresent(grant -> ending.end(grant, GrantStatus.EXPIRED, "expired", "system"))));
    }

    @Bean
    OneTimeTask<Void> grantExpiryReminderJob(GrantStore store, ApplicationEventPublisher events, TransactionTemplate transactions) {
        return Tasks.oneTime(GrantSchedule.REMINDER).execute((instance, context) -> transactions.executeWithoutResult(tx ->
                store.find(UUID.fromString(instance.getId()))
                        .filter(grant -> grant.status() == GrantStatus.ACTIVE && grant.expiresAt() != null)
                        .ifPresent(grant -> events.publishEvent(new GrantExpiringSoon(
                                grant.id(), grant.requestId(), grant.personId(), grant.expiresAt())))));
    }
}
