package dev.clavis.review.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A campaign's deadline, its reminders and its enforcement are db-scheduler tasks written in the
 * transaction that starts, escalates or closes it: none is lost to a crash between the two.
 */
@Component
class ReviewSchedule {

    static final String DEADLINE = "review-deadline";
    static final String REMINDER = "review-reminder";
    static final String ENFORCEMENT = "review-enforcement";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ReviewSettings settings;
    private final Clock clock;

    ReviewSchedule(ObjectProvider<SchedulerClient> scheduler, ReviewSettings settings, Clock clock) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    /** The deadline and a reminder before it for each {@code remindBefore} still in the future. */
    void deadline(UUID campaignId, Instant deadline, String round) {
        String id = campaignId + ":" + round;
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(DEADLINE, id), deadline);
        for (Duration before : settings.remindBefore()) {
            Instant at = deadline.minus(before);
            if (at.isAfter(clock.instant())) {
                scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(REMINDER, id + ":" + before), at);
            }
        }
    }

    void enforceNow(UUID campaignId) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(ENFORCEMENT, campaignId.toString()), clock.instant());
    }

    static UUID campaignOf(String instanceId) {
        int colon = instanceId.indexOf(':');
        return UUID.fromString(colon < 0 ? instanceId : instanceId.substring(0, colon));
    }
}
