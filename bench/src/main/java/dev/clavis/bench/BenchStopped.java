package dev.clavis.bench;

/** A run that could not go on: Clavis exited, answered wrongly, or the run's time was up. The message says which. */
final class BenchStopped extends RuntimeException {

    BenchStopped(String message) {
        super(message);
    }

    BenchStopped(String message, Throwable cause) {
        super(message, cause);
    }
}
