package dev.clavis.audit;

import java.util.List;
import java.util.Optional;

/** Appends to and reads the audit trail. */
public interface AuditTrail {

    /**
     * Appends an entry in the caller's transaction: it commits or rolls back with the change it
     * records. Appends are serialised, so the chain has no forks.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    AuditEntry append(AuditEvent event);

    /**
     * Like {@link #append}, but the entry is written just before the caller's transaction commits.
     * The chain's lock is then the last lock a transaction takes and is held only while it commits:
     * no lock-order deadlock with the rows the transaction changed, and more commits per second.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    void appendAtCommit(AuditEvent event);

    /** Recomputes the whole chain. */
    Verification verify();

    /** The entries that match, in sequence order (oldest or newest first). */
    List<AuditEntry> search(AuditQuery query);

    /** Every entry about one subject, oldest first. */
    List<AuditEntry> about(String subject);

    /**
     * @param valid whether every entry's hash matches its content and its predecessor
     * @param firstInvalidEntry the sequence number of the first entry that does not, if any
     */
    record Verification(boolean valid, long entries, Optional<Long> firstInvalidEntry, Optional<String> reason) {}
}
