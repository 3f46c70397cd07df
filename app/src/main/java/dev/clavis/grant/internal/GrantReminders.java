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
 * A grant's reminder before it expires is a db-scheduler task, written in the transaction that activates
 * or extends the grant: a reminder cannot be lost to a crash between the two.
 */
@Component
class GrantReminders {

    static final String TASK = "grant-expiry-reminder";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final GrantSettings settings;
    private final Clock clock;

    GrantReminders(ObjectProvider<SchedulerClient> scheduler, GrantSettings settings, Clock clock) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    /** Places the reminder for a grant that expires at {@code expiresAt}, or cancels it when that is too soon. */
    void remindBefore(UUID grantId, Instant expiresAt) {
        var client = scheduler.getObject();
        var id = TaskInstanceId.of(TASK, grantId.toString());
        Instant remindAt = expiresAt.minus(settings.remindBefore());
        if (remindAt.isAfter(clock.instant())) {
            if (!client.scheduleIfNotExists(new TaskInstance<>(TASK, grantId.toString()), remindAt)) {
                client.reschedule(id, remindAt);
            }
        } else if (client.getScheduledExecution(id).isPresent()) {
            client.cancel(id);
        }
    }
}
