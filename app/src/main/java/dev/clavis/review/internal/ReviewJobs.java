package dev.clavis.review.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A campaign's deadline, reminders and enforcement as db-scheduler tasks; each re-reads the campaign and is idempotent. */
@Configuration(proxyBeanMethods = false)
class ReviewJobs {

    @Bean
    OneTimeTask<Void> reviewDeadlineJob(CampaignClosing closing) {
        return Tasks.oneTime(ReviewSchedule.DEADLINE)
                .execute((instance, context) -> closing.deadlineReached(ReviewSchedule.campaignOf(instance.getId())));
    }

    @Bean
    OneTimeTask<Void> reviewReminderJob(CampaignClosing closing) {
        return Tasks.oneTime(ReviewSchedule.REMINDER)
                .execute((instance, context) -> closing.remind(ReviewSchedule.campaignOf(instance.getId()),
                        context.getExecution().getExecutionTime()));
    }

    @Bean
    OneTimeTask<Void> reviewEnforcementJob(ReviewEnforcement enforcement) {
        return Tasks.oneTime(ReviewSchedule.ENFORCEMENT)
                .execute((instance, context) -> enforcement.enforce(ReviewSchedule.campaignOf(instance.getId())));
    }
}
