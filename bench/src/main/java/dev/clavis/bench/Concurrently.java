package dev.clavis.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs numbered items on a fixed number of threads: the bounded pool of clients that drives the load.
 * Each thread takes the next number as soon as it is done with its last, so at most {@code threads} items
 * are in flight at any time. The first item that throws stops the rest, and its exception is rethrown.
 */
final class Concurrently {

    @FunctionalInterface
    interface Item {
        void run(int index) throws Exception;
    }

    private Concurrently() {
    }

    /**
     * Runs every item.
     *
     * @throws BenchStopped when the deadline passed before all had run, or an item failed
     */
    static void all(int count, int threads, Instant deadline, Item item) throws InterruptedException {
        int done = until(count, threads, 0, deadline, item);
        if (done < count) {
            throw new BenchStopped("only " + done + " of " + count + " done before the deadline " + deadline);
        }
    }

    /**
     * Runs items until all have run or {@code stopAt} passes, whichever comes first; an item started before
     * {@code stopAt} is finished.
     *
     * @param perSecond with more than 0, item i starts no earlier than {@code i / perSecond} seconds after the
     *     first: a steady rate instead of as fast as the threads go
     * @return how many items ran
     * @throws BenchStopped when an item failed
     */
    static int until(int count, int threads, double perSecond, Instant stopAt, Item item) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        var next = new AtomicInteger();
        var done = new AtomicInteger();
        var failure = new AtomicReference<Exception>();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, count); t++) {
            Thread worker = new Thread(() -> {
                while (failure.get() == null) {
                    int index = next.getAndIncrement();
                    if (index >= count) {
                        return;
                    }
                    try {
                        if (perSecond > 0) {
                            long due = start + (long) (index * 1e9 / perSecond);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        if (clock.instant().isAfter(stopAt)) {
                            return;
                        }
                        item.run(index);
                        done.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-client-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        Exception failed = failure.get();
        if (failed != null) {
            throw failed instanceof BenchStopped stopped ? stopped
                    : new BenchStopped(failed.getClass().getSimpleName() + ": " + failed.getMessage(), failed);
        }
        return done.get();
    }
}
