package dev.clavis.provisioning.internal;

import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.directory.DirectoryConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The threads that apply queued tasks. Each claims due tasks (one at a time, or as many as the
 * connector takes in one batch call), applies them through the connector outside any transaction, then
 * records the results in one transaction. Woken by commits that queued tasks,
 * and otherwise looking every poll interval, for retries, other instances' tasks and expired leases.
 *
 * <p>On stop, workers finish the call in hand; one still waiting for a rate permit gives its tasks back.
 * A task whose worker died stays claimed until its lease runs out, then runs again: connector calls
 * are idempotent, so applying a change twice is safe.
 */
@Component
class ProvisioningWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);

    /** Tasks looked at per query when each is claimed and applied on its own before the next query. */
    private static final int CANDIDATES = 16;

    /** How long stop waits for workers to finish their calls before interrupting them. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /** The embedded demo directory is served through the LDAP connector. */
    private static final String EMBEDDED = "embedded";

    private final JdbcTasks tasks;
    private final MembershipApplier applier;
    private final TaskResults results;
    private final Wakeup wakeup;
    private final Clock clock;
    private final ProvisioningSettings settings;
    private final WritePace pace;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong claims = new AtomicLong();
    private volatile boolean running;

    ProvisioningWorker(JdbcTasks tasks, MembershipApplier applier, TaskResults results, Wakeup wakeup, Clock clock,
            ProvisioningSettings settings, DirectoryConnection connection) {
        this.tasks = tasks;
        this.applier = applier;
        this.results = results;
        this.wakeup = wakeup;
        this.clock = clock;
        this.settings = settings;
        String type = connection.type().equals(EMBEDDED) ? "ldap" : connection.type();
        this.pace = WritePace.of(type, settings.rateLimit(),
                DirectoryConnectors.forType(type).flatMap(DirectoryConnectorFactory::defaultRateLimit));
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 1; i <= settings.workers(); i++) {
            Thread thread = new Thread(this::work, "provisioning-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        log.info("Provisioning: {} worker(s), {}", settings.workers(), pace);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeup.signal();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("{} is still in a connector call; its task runs again once its lease ends", thread.getName());
                thread.interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        String worker = instance + "/" + Thread.currentThread().getName();
        while (running) {
            long seen = wakeup.generation();
            boolean worked = false;
            try {
                worked = workOnDueTasks(worker);
            } catch (RuntimeException e) {
                log.warn("Provisioning worker {} failed and tries again shortly", worker, e);
            }
            if (!worked) {
                try {
                    wakeup.await(seen, settings.pollInterval());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Answers whether there was work, in which case more may be due at once. Connectors without batches
     * get one task per call, claimed one at a time from a shuffled handful, so that workers run their calls
     * side by side; connectors with batches get as many due tasks as a call takes, claimed in one statement.
     */
    private boolean workOnDueTasks(String worker) {
        int batchLimit = applier.batchLimit();
        List<UUID> due = new ArrayList<>(tasks.claimable(clock.instant(), Math.max(CANDIDATES, batchLimit)));
        if (batchLimit > 1) {
            List<ClaimedTask> claimed = claim(due.subList(0, Math.min(batchLimit, due.size())), worker);
            if (!claimed.isEmpty()) {
                apply(claimed);
            }
            // Claims another worker won still mean work was due: look again at once.
            return !due.isEmpty();
        }
        // Workers that find the same tasks start at different ones, so their claims rarely collide.
        Collections.shuffle(due);
        boolean worked = false;
        for (UUID id : due) {
            if (!running) {
                break;
            }
            List<ClaimedTask> claimed = claim(List.of(id), worker);
            if (!claimed.isEmpty()) {
                apply(claimed);
                worked = true;
            }
        }
        return worked;
    }

    private List<ClaimedTask> claim(List<UUID> ids, String worker) {
        Instant now = clock.instant();
        return tasks.claim(ids, now, now.plus(settings.lease()), worker + "#" + claims.incrementAndGet());
    }

    private void apply(List<ClaimedTask> claimed) {
        // A slow pace can keep tasks waiting for their permit longer than their lease: renew the leases
        // while waiting, so no other worker takes the tasks up meanwhile. A batch is one write.
        boolean permitted = pace.await(() -> running
                && tasks.renewLeases(claimed, clock.instant().plus(settings.lease())));
        if (!permitted) {
            if (running) {
                log.info("Tasks {} were taken up again while waiting for a permit", ids(claimed));
            } else {
                claimed.forEach(tasks::release);
            }
            return;
        }
        results.record(applier.apply(claimed));
    }

    private static List<UUID> ids(List<ClaimedTask> claimed) {
        return claimed.stream().map(ClaimedTask::id).toList();
    }
}
