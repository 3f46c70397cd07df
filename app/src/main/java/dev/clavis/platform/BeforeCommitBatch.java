package dev.clavis.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction adds one at a time and writes together, in one batch, just before it commits: they
 * commit or roll back with the change they belong to, for one statement instead of one each. Outside a
 * transaction a row is written at once.
 *
 * @param <T> a row as {@code write} takes it
 */
public final class BeforeCommitBatch<T> {

    private final Consumer<List<T>> write;
    private final Runnable afterCommit;

    /** @param write writes rows in the caller's transaction */
    public BeforeCommitBatch(Consumer<List<T>> write) {
        this(write, () -> {});
    }

    /** @param afterCommit runs once the rows written have committed, to tell whoever reads them next */
    public BeforeCommitBatch(Consumer<List<T>> write, Runnable afterCommit) {
        this.write = write;
        this.afterCommit = afterCommit;
    }

    public void add(T row) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            waiting().add(row);
        } else {
            write.accept(List.of(row));
            afterCommit.run();
        }
    }

    /** Writes the rows this transaction has added so far, for a read in it that must see them. */
    public void flush() {
        if (TransactionSynchronizationManager.getResource(this) instanceof List<?> waiting && !waiting.isEmpty()) {
            @SuppressWarnings("unchecked")
            var rows = List.copyOf((List<T>) waiting);
            waiting.clear();
            write.accept(rows);
        }
    }

    private List<T> waiting() {
        @SuppressWarnings("unchecked")
        var waiting = (List<T>) TransactionSynchronizationManager.getResource(this);
        if (waiting != null) {
            return waiting;
        }
        var rows = new ArrayList<T>();
        TransactionSynchronizationManager.bindResource(this, rows);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                BeforeCommitBatch.this.flush();
            }

            @Override
            public void afterCommit() {
                BeforeCommitBatch.this.afterCommit.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(BeforeCommitBatch.this);
            }
        });
        return rows;
    }
}
