package dev.clavis.directory.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for a sync. A sync asked for while another is queued or running is that one: the directory
 * is read once, however many times people press "sync now".
 */
@Component
class DirectorySyncs {

    static final String TASK = "directory-sync";

    private final SyncRuns runs;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    DirectorySyncs(SyncRuns runs, ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Transactional
    SyncRun request(String trigger, boolean confirmLargeRemoval) {
        var unfinished = runs.unfinished();
        if (unfinished.isPresent()) {
            return unfinished.get();
        }
        SyncRun run = runs.create(trigger, confirmLargeRemoval);
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, run.id().toString()), clock.instant());
        return run;
    }

    /** Waits for a sync to finish, however it ends; gives up quietly after {@code limit}. */
    void awaitFinished(UUID syncId, Duration limit) throws InterruptedException {
        Instant deadline = clock.instant().plus(limit);
        while (clock.instant().isBefore(deadline)) {
            if (runs.find(syncId).map(SyncRun::finished).orElse(true)) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
