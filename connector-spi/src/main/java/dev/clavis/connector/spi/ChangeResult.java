package dev.clavis.connector.spi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What became of one change of a batch: the directory's outcome, or the error that this change alone
 * met. A batch answers one result per change, so one unknown person fails only their own change.
 */
public sealed interface ChangeResult<T> {

    record Applied<T>(T outcome) implements ChangeResult<T> {
        public Applied {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    record Failed<T>(ConnectorException error) implements ChangeResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** Runs one change, taking a connector error as its result rather than letting it end the batch. */
    static <T> ChangeResult<T> of(Supplier<T> change) {
        try {
            return new Applied<>(change.get());
        } catch (ConnectorException e) {
            return new Failed<>(e);
        }
    }
}
