package dev.clavis.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bounds a run: every wait goes through here, and ends the run when Clavis has exited or the run's time
 * is up, rather than waiting for something that cannot come.
 */
final class RunWatch {

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private final ClavisProcess clavis;
    private final Instant deadline;
    private final Clock clock;

    RunWatch(ClavisProcess clavis, Instant deadline, Clock clock) {
        this.clavis = clavis;
        this.deadline = deadline;
        this.clock = clock;
    }

    Instant deadline() {
        return deadline;
    }

    /** Polls {@code condition} every {@code interval} until it holds. */
    void await(String what, Duration interval, Condition condition) throws InterruptedException {
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                check(what);
                throw new BenchStopped("while waiting for " + what + ": " + e.getMessage(), e);
            }
            check(what);
            Thread.sleep(interval.toMillis());
        }
    }

    /** Waits until {@code instant}, watching Clavis meanwhile. */
    void sleepUntil(Instant instant, String what) throws InterruptedException {
        await(what, Duration.ofMillis(200), () -> !clock.instant().isBefore(instant));
    }

    void check(String what) {
        if (clavis.exitCode().isPresent()) {
            throw new BenchStopped("Clavis exited with code " + clavis.exitCode().getAsInt() + " while waiting for " + what
                    + " (see " + clavis.log() + ")");
        }
        if (clock.instant().isAfter(deadline)) {
            throw new BenchStopped("the run's time was up while waiting for " + what);
        }
    }
}
