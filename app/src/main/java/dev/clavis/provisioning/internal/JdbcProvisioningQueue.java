package dev.clavis.provisioning.internal;

import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import dev.clavis.provisioning.QueuedTask;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues tasks as rows in the caller's transaction and wakes the workers once it commits, so a task
 * starts within milliseconds of the decision that needs it rather than at the next poll.
 */
@Component
class JdbcProvisioningQueue implements ProvisioningQueue {

    private final JdbcTasks tasks;
    private final Wakeup wakeup;
    private final Clock clock;

    JdbcProvisioningQueue(JdbcTasks tasks, Wakeup wakeup, Clock clock) {
        this.tasks = tasks;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> enqueue(List<MembershipTask> queued) {
        if (queued.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(queued.size()).toList();
        tasks.insert(ids, queued, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeup.signal();
            }
        });
        return ids;
    }

    @Override
    public List<QueuedTask> tasksFor(String reference) {
        return tasks.byReference(reference);
    }
}
