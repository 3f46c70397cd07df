package dev.clavis.jira.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes this instance's workers when work was committed, instead of waiting for their next poll. */
class Wakeup {

    private final Semaphore permits = new Semaphore(0);

    void signal() {
        permits.release();
    }

    /** Waits for a signal or the timeout, whichever comes first. */
    void await(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
