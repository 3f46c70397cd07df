package dev.clavis.provisioning;

import java.util.List;
import java.util.UUID;

/** Asks for membership changes in the directory. */
public interface ProvisioningQueue {

    /**
     * Queues changes in the caller's transaction: they exist exactly when the change that needs them
     * commits, and the worker starts on them right after. Changes to the same group and person are
     * applied in the order queued.
     *
     * @return the task ids, in the order given
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    List<UUID> enqueue(List<MembershipTask> tasks);

    /** The tasks queued with this reference, in the order queued. */
    List<QueuedTask> tasksFor(String reference);
}
