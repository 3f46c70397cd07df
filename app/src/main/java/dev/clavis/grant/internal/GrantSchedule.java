package dev.clavis.grant.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Expiries and reminders are db-scheduler tasks, one per grant, written in the transaction that
 * activates or extends the grant: an expiry cannot be lost to a crash between the two.
 */
@Component
class GrantSchedule {

    static final String EXPIRY = "grant-expiry";
    static final String REMINDER = "grant-expiry-reminder";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final GrantSettings settings;
    private final Clock clock;

    GrantSchedule(ObjectProvider<SchedulerClient> scheduler, GrantSettings settings, Clock clock) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    void expireAt(UUID grantId, Instant expiresAt) {
        place(EXPIRY, grantId, expiresAt);
        Instant remindAt = expiresAt.minus(settings.remindBefore());
        if (remindAt.isAfter(clock.instant())) {
            place(REMINDER, grantId, remindAt);
        } else {
            var reminder = TaskInstanceId.of(REMINDER, grantId.toString());
            if (scheduler.getObject().getScheduledExecution(reminder).isPresent()) {
                scheduler.getObject().cancel(reminder);
            }
        }
    }

    private void place(String task, UUID grantId, Instant at) {
        var client = scheduler.getObject();
        var id = TaskInstanceId.of(task, grantId.toString());
        if (!client.scheduleIfNotExists(new TaskInstance<>(task, grantId.toString()), at)) {
            client.reschedule(id, at);
        }
    }
}
