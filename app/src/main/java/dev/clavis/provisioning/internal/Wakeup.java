package dev.clavis.provisioning.internal;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Tells idle workers that tasks may be due. A worker notes the generation before it looks for work and
 * waits only while it is unchanged, so a signal sent while it was busy is not lost.
 */
@Component
class Wakeup {

    private long generation;

    synchronized long generation() {
        return generation;
    }

    synchronized void signal() {
        generation++;
        notifyAll();
    }

    /** Waits until a signal after {@code seen}, or the timeout. */
    synchronized void await(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while (generation == seen && (left = deadline - System.nanoTime()) > 0) {
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
