package dev.clavis.platform.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Hands failed event deliveries to their listeners again. A listener that failed (a lock timeout,
 * the database briefly away) must not leave a grant or a request stuck until the next restart.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationRetryJob {

    @Bean
    RecurringTask<Void> failedEventResubmission(FailedEventPublications failed) {
        return Tasks.recurring("event-publication-retry", FixedDelay.of(Duration.ofSeconds(10)))
                .execute((instance, context) -> failed.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ofSeconds(5))));
    }
}
