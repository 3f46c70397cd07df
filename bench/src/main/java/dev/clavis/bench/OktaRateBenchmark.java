package dev.clavis.bench;

import dev.clavis.connector.okta.OktaConnectorFactory;
import dev.clavis.connector.okta.simulator.OktaSimulator;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.TransientConnectorException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains membership changes through the Okta connector into the Okta simulator limited to a scaled-down
 * version of Okta's 600 calls per minute, paced as Clavis's provisioning paces writes: a resilience4j
 * limiter that hands out a batch of permits per slice (a {@code slices}th of the period) at
 * {@code headroom} of the connector's declared limit, as the app's {@code WritePace} does (its defaults
 * here: 0.98 and 60; {@code --slices} at least the limit gives the single permits of earlier versions),
 * several workers, and a transient error's {@code retryAfter} honoured by putting the change back until
 * then (the app's retry). Reports the achieved rate against the limit, the
 * 429s the simulator sent, and whether the simulator's final memberships are exactly the ones asked for.
 */
public final class OktaRateBenchmark {

    private static final String TOKEN = "bench-okta-token";

    private OktaRateBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int changes = Integer.parseInt(options.getOrDefault("changes", "10000"));
        int permits = Integer.parseInt(options.getOrDefault("permits", "600"));
        Duration window = Duration.parse(options.getOrDefault("window", "PT6S"));
        double headroom = Double.parseDouble(options.getOrDefault("headroom", "0.98"));
        int slices = Integer.parseInt(options.getOrDefault("slices", "60"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "16"));
        boolean checkDescription = Boolean.parseBoolean(options.getOrDefault("check-description", "false"));
        int groupCount = 10;

        try (OktaSimulator simulator = checkDescription
                ? OktaSimulator.start(TOKEN)
                : OktaSimulator.startWithoutDescriptionChecks(TOKEN)) {
            System.out.printf("Seeding the simulator: %d people, %d groups, %d memberships to remove%n",
                    changes / groupCount, groupCount, changes / 2);
            List<String> groups = new ArrayList<>();
            for (int g = 0; g < groupCount; g++) {
                groups.add(simulator.createGroup("bench-group-" + g, null));
            }
            var adds = new ArrayList<MembershipChange>();
            var removes = new ArrayList<MembershipChange>();
            for (int p = 0; p < changes / groupCount; p++) {
                String person = simulator.createUser("bench" + p + "@example.test", "Bench", "Person" + p, null, null,
                        null, null);
                for (int g = 0; g < groupCount; g++) {
                    var change = new MembershipChange(groups.get(g), person);
                    if ((p + g) % 2 == 0) {
                        simulator.addMember(change.groupId(), change.personId());
                        removes.add(change);
                    } else {
                        adds.add(change);
                    }
                }
            }
            simulator.limitRate(permits, window);

            var queue = new DelayQueue<Task>();
            adds.forEach(change -> queue.add(new Task(change, true, 0)));
            removes.forEach(change -> queue.add(new Task(change, false, 0)));
            int total = queue.size();
            double perSecond = permits / (double) window.toNanos() * 1e9;
            double allowed = permits * headroom;
            int batch = Math.max(1, (int) (allowed / slices));
            RateLimiter pace = RateLimiter.of("okta-bench", RateLimiterConfig.custom()
                    .limitForPeriod(batch)
                    .limitRefreshPeriod(Duration.ofNanos((long) (window.toNanos() * batch / allowed)))
                    .timeoutDuration(Duration.ofSeconds(1))
                    .build());

            DirectoryConnector connector = connector(simulator);
            var done = new AtomicInteger();
            var transientErrors = new AtomicInteger();
            var failures = new AtomicInteger();
            var lastDone = new AtomicLong();
            System.out.printf("Draining %d changes (%d adds, %d removals) with %d workers, paced at %.0f %% of %d per"
                    + " %s in batches of %d%n", total, adds.size(), removes.size(), workers, headroom * 100, permits,
                    window, batch);
            long start = System.nanoTime();
            var threads = new ArrayList<Thread>();
            for (int w = 0; w < workers; w++) {
                Thread thread = new Thread(() -> drain(queue, pace, (MembershipProvisioning) connector, total, done,
                        transientErrors, failures, lastDone), "okta-bench-" + w);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (lastDone.get() - start) / 1e9;
            double achieved = total / seconds;

            Set<String> wrong = new HashSet<>();
            for (MembershipChange change : adds) {
                if (!simulator.members(change.groupId()).contains(change.personId())) {
                    wrong.add("missing " + change);
                }
            }
            for (MembershipChange change : removes) {
                if (simulator.members(change.groupId()).contains(change.personId())) {
                    wrong.add("still there " + change);
                }
            }
            int tooMany = simulator.tooManyRequestsSent();
            int calls = simulator.requests().size();
            System.out.println();
            System.out.println("| figure | value | goal |");
            System.out.println("| --- | ---: | --- |");
            System.out.printf("| membership changes drained | %d in %.1f s | %d |%n", done.get(), seconds, total);
            System.out.printf("| limit (per endpoint family) | %d per %s = %.1f/s | |%n", permits, window, perSecond);
            System.out.printf("| achieved rate | %.1f changes/s | |%n", achieved);
            System.out.printf("| **achieved ÷ limit** | **%.3f** | ≥ 0.95 |%n", achieved / perSecond);
            System.out.printf("| 429s received | %d of %d calls (%.2f %%) | ≤ 1 %% |%n", tooMany, calls,
                    100.0 * tooMany / calls);
            System.out.printf("| transient errors retried | %d | |%n", transientErrors.get());
            System.out.printf("| changes failed | %d | 0 |%n", failures.get());
            System.out.printf("| final memberships wrong (lost or left over) | %d of %d | 0 |%n", wrong.size(), total);
            System.out.printf("| simulator's violations of Okta's API description | %d | 0 |%n",
                    simulator.violations().size());
            wrong.stream().limit(10).forEach(System.out::println);
            simulator.violations().stream().limit(5).forEach(System.out::println);
            System.exit(wrong.isEmpty() && failures.get() == 0 ? 0 : 1);
        }
    }

    private static void drain(DelayQueue<Task> queue, RateLimiter pace, MembershipProvisioning connector, int total,
            AtomicInteger done, AtomicInteger transientErrors, AtomicInteger failures, AtomicLong lastDone) {
        while (done.get() + failures.get() < total) {
            Task task;
            try {
                task = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                continue;
            }
            while (!pace.acquirePermission()) {
                // waited a whole step without a permit; the platform checks here whether to stop
            }
            try {
                if (task.add()) {
                    connector.addMember(task.change());
                } else {
                    connector.removeMember(task.change());
                }
                done.incrementAndGet();
                lastDone.accumulateAndGet(System.nanoTime(), Math::max);
            } catch (TransientConnectorException e) {
                transientErrors.incrementAndGet();
                long wait = e.retryAfter().orElse(Duration.ofSeconds(1)).toNanos();
                queue.add(new Task(task.change(), task.add(), System.nanoTime() + wait));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                System.err.println("failed for good: " + task + ": " + e.getMessage());
            }
        }
    }

    private static DirectoryConnector connector(OktaSimulator simulator) {
        var factory = new OktaConnectorFactory();
        return factory.create(ConnectorSettings.of(factory.type(), factory.configSchema(),
                Map.of("base-url", simulator.baseUrl(), "api-token", TOKEN)));
    }

    private static Map<String, String> options(String[] args) {
        var options = new java.util.HashMap<String, String>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: --changes, --permits, --window (ISO-8601),"
                        + " --headroom, --slices, --workers, --check-description; not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    /** A change due at {@code dueNanos} (System.nanoTime()); 0 is due now. */
    private record Task(MembershipChange change, boolean add, long dueNanos) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Task) other).dueNanos);
        }
    }
}
