package dev.clavis.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads Clavis's heap use every 100 ms from {@code /actuator/prometheus}: the sum of
 * {@code jvm_memory_used_bytes} over the heap's pools, the same figure a dashboard shows. A sample
 * sees heap at an instant, garbage included, and can miss a peak between two samples; the GC log
 * ({@link GcLog}) sees every collection but only at collections.
 */
final class HeapSampler implements AutoCloseable {

    private static final long INTERVAL_MS = 100;
    private static final String HEAP_USED = "jvm_memory_used_bytes{";

    private final ClavisApi api;
    private final AtomicLong max = new AtomicLong();
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private HeapSampler(ClavisApi api) {
        this.api = api;
        this.thread = new Thread(this::sampleUntilClosed, "heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start(ClavisApi api) {
        var sampler = new HeapSampler(api);
        sampler.thread.start();
        return sampler;
    }

    /** The most heap seen used, in bytes; 0 before the first sample. */
    long maxBytes() {
        return max.get();
    }

    int samples() {
        return samples.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    private void sampleUntilClosed() {
        while (running) {
            try {
                long used = heapUsed(api.prometheus());
                max.accumulateAndGet(used, Math::max);
                samples.incrementAndGet();
            } catch (IOException notAnsweringYet) {
                // Before Clavis listens, and while it stops, there is nothing to sample.
            } catch (InterruptedException closing) {
                return;
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException closing) {
                return;
            }
        }
    }

    static long heapUsed(String prometheus) {
        double sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(HEAP_USED) && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }
}
