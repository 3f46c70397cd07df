package dev.clavis.directory.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Syncs run as db-scheduler tasks, so one asked for just before a crash still runs after it, and on
 * several instances only one runs it. A scheduled sync and one at start go through the same request.
 */
@Configuration(proxyBeanMethods = false)
class DirectorySyncJobs {

    @Bean
    OneTimeTask<Void> directorySyncTask(DirectorySynchronizer synchronizer) {
        return Tasks.oneTime(DirectorySyncs.TASK)
                .execute((instance, context) -> synchronizer.run(UUID.fromString(instance.getId())));
    }

    @Bean
    RecurringTask<Void> directorySyncJob(DirectorySyncs syncs, SyncSettings settings) {
        return Tasks.recurring("directory-sync-schedule", FixedDelay.of(settings.interval()))
                .execute((instance, context) -> syncs.request("schedule", false));
    }

    /**
     * Syncs at start. The very first start waits for it (up to five minutes: a directory of 100,000
     * people takes longer, and is then served while its first sync goes on), so a small company's
     * first user never sees an empty directory; later starts serve the last sync while the new one runs.
     */
    @Bean
    @Order(5)
    ApplicationRunner directorySyncOnStart(DirectorySyncs syncs, SyncRuns runs, SyncSettings settings) {
        return (ApplicationArguments args) -> {
            if (!settings.onStart()) {
                return;
            }
            boolean firstSync = runs.lastFinished().isEmpty();
            SyncRun run = syncs.request("start", false);
            if (firstSync) {
                syncs.awaitFinished(run.id(), Duration.ofMinutes(5));
            }
        };
    }
}
