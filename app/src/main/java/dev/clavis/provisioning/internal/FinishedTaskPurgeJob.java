package dev.clavis.provisioning.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Deletes tasks that finished longer than {@code CLAVIS_PROVISIONING_RETENTION} ago; otherwise the queue
 * grows by a row per membership change for ever. Nothing reads a finished task: the audit trail is the
 * history of what changed in the directory. Pending and running tasks are never deleted.
 */
@Component
class FinishedTaskPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(FinishedTaskPurgeJob.class);

    /**
     * Tasks deleted per statement. The job runs outside any transaction, so each statement commits on
     * its own and never holds its locks long, even when a first run meets months of finished tasks.
     */
    static final int BATCH = 1_000;

    private final JdbcTasks tasks;
    private final Clock clock;
    private final Duration retention;

    FinishedTaskPurgeJob(JdbcTasks tasks, Clock clock, ProvisioningSettings settings) {
        this.tasks = tasks;
        this.clock = clock;
        this.retention = settings.retention();
    }

    /** Deletes the tasks that finished before now minus the retention, and answers how many. */
    int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = tasks.deleteFinishedBefore(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} provisioning task(s) that finished before {}", total, cutoff);
        }
        return total;
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        RecurringTask<Void> provisioningTaskPurgeJob(FinishedTaskPurgeJob job) {
            return Tasks.recurring("provisioning-task-purge", FixedDelay.of(Duration.ofHours(1)))
                    .execute((instance, context) -> job.purge());
        }
    }
}
