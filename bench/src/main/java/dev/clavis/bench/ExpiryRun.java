package dev.clavis.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Many grants expiring in the same minute. The grants are created first, each by an auto-approved request
 * asking for exactly the seconds left until a common target minute (the role offers every whole second), so
 * however long the creation takes, every grant's {@code expiresAt} is the target plus the few seconds its
 * own provisioning took. Then the benchmark waits, without load, until no grant is active any more, and reads
 * each grant's {@code expiresAt} and {@code removalConfirmedAt}.
 */
final class ExpiryRun {

    /** Creation is planned at this share of the throughput measured before: it is slower with more rows. */
    private static final double PLANNING_SHARE = 0.6;

    /** A request is not sent later than this before the target: its grant could not expire on time. */
    private static final Duration LAST_CALL = BenchCatalog.SHORTEST.plusSeconds(5);

    /**
     * @param wanted grants asked for by {@code --expiring}
     * @param planned grants the budget allowed at the throughput measured before
     * @param created grants whose request was accepted before the last call
     * @param target the minute they were made to expire in
     * @param firstExpiry the earliest {@code expiresAt}; null when no grant was activated
     * @param lastExpiry the latest
     * @param lastRemoval the latest {@code removalConfirmedAt}
     * @param removed grants that expired and whose removal the directory confirmed
     * @param lag {@code removalConfirmedAt − expiresAt}
     */
    record Result(int wanted, int planned, int created, Duration creation, Instant target, @Nullable Instant firstExpiry,
            @Nullable Instant lastExpiry, @Nullable Instant lastRemoval, int removed, Latencies lag, List<String> problems) {

        /** From the first expiry until the last removal was confirmed. */
        @Nullable Duration expiryToAllRemoved() {
            return firstExpiry == null || lastRemoval == null ? null : Duration.between(firstExpiry, lastRemoval);
        }
    }

    private ExpiryRun() {
    }

    /**
     * @param roles expiring roles (one group each) the grants take turns over
     * @param grantsPerSecond the throughput measured before, which plans the creation
     * @param budget the longest the creation may take
     */
    static Result run(RequestApi api, RunWatch watch, BenchTokens tokens, int wanted, int roles, Duration budget,
            double grantsPerSecond, int concurrency) throws InterruptedException {
        int planned = (int) Math.min(wanted, Math.floor(grantsPerSecond * PLANNING_SHARE * budget.toSeconds()));
        Duration creation = Duration.ofMillis((long) (planned / (grantsPerSecond * PLANNING_SHARE) * 1000));
        Instant start = Instant.now();
        // The next whole minute after the planned creation, its last call and a margin.
        Instant target = start.plus(creation).plus(LAST_CALL).plusSeconds(20)
                .truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        progress(planned, wanted, target);
        var problems = new ConcurrentLinkedQueue<String>();
        var created = new AtomicInteger();
        Concurrently.until(planned, concurrency, 0, target.minus(LAST_CALL), i -> {
            long seconds = (long) Math.ceil(Duration.between(Instant.now(), target).toMillis() / 1000.0);
            RequestApi.Answer answer = api.submit(tokens.person(i), BenchCatalog.EXPIRY_APP, BenchCatalog.expiring(i, roles),
                    "PT" + seconds + "S");
            if (answer.is(201)) {
                created.incrementAndGet();
            } else {
                problems.add("submit answered " + answer.problem());
            }
        });
        Duration took = Duration.between(start, Instant.now());
        if (created.get() < planned) {
            problems.add("only " + created.get() + " of " + planned + " grants were asked for before "
                    + target.minus(LAST_CALL) + ": creation was slower than planned");
        }
        watch.sleepUntil(target, "the target minute " + target);
        watch.await("every grant of " + BenchCatalog.EXPIRY_APP + " to expire", Duration.ofMillis(500),
                () -> !api.anyGrant(BenchCatalog.EXPIRY_APP, "ACTIVE") && !api.anyGrant(BenchCatalog.EXPIRY_APP, "PENDING"));
        Map<UUID, JsonNode> grants = awaitRemovals(api, watch);
        return result(wanted, planned, created.get(), took, target, grants.values(), problems);
    }

    /**
     * Reads every grant of the app once, then only those whose removal is not confirmed yet, once a second,
     * until none is left: the waiting itself should not slow the removals down.
     */
    private static Map<UUID, JsonNode> awaitRemovals(RequestApi api, RunWatch watch) throws InterruptedException {
        var grants = new HashMap<UUID, JsonNode>();
        try {
            for (JsonNode grant : api.grants(BenchCatalog.EXPIRY_APP)) {
                grants.put(UUID.fromString(grant.path("id").asString()), grant);
            }
        } catch (IOException e) {
            throw new BenchStopped("listing the grants of " + BenchCatalog.EXPIRY_APP + " failed: " + e.getMessage(), e);
        }
        watch.await("every expired grant's removal to be confirmed", Duration.ofSeconds(1), () -> {
            boolean all = true;
            for (var entry : grants.entrySet()) {
                if (awaitsRemoval(entry.getValue())) {
                    entry.setValue(api.grant(entry.getKey()));
                    all &= !awaitsRemoval(entry.getValue());
                }
            }
            return all;
        });
        return grants;
    }

    private static boolean awaitsRemoval(JsonNode grant) {
        return grant.path("status").asString().equals("EXPIRED") && !grant.path("removalConfirmedAt").isString();
    }

    private static Result result(int wanted, int planned, int created, Duration took, Instant target,
            Iterable<JsonNode> grants, ConcurrentLinkedQueue<String> problems) {
        Instant firstExpiry = null;
        Instant lastExpiry = null;
        Instant lastRemoval = null;
        var lags = new ArrayList<Duration>();
        for (JsonNode grant : grants) {
            Instant expiresAt = FollowUp.instant(grant, "expiresAt");
            Instant removedAt = FollowUp.instant(grant, "removalConfirmedAt");
            if (!grant.path("status").asString().equals("EXPIRED") || expiresAt == null || removedAt == null) {
                problems.add("grant " + grant.path("id").asString() + " is " + grant.path("status").asString());
                continue;
            }
            firstExpiry = firstExpiry == null || expiresAt.isBefore(firstExpiry) ? expiresAt : firstExpiry;
            lastExpiry = lastExpiry == null || expiresAt.isAfter(lastExpiry) ? expiresAt : lastExpiry;
            lastRemoval = lastRemoval == null || removedAt.isAfter(lastRemoval) ? removedAt : lastRemoval;
            lags.add(Duration.between(expiresAt, removedAt));
        }
        return new Result(wanted, planned, created, took, target, firstExpiry, lastExpiry, lastRemoval, lags.size(),
                Latencies.of(lags), Problems.sample(problems));
    }

    private static void progress(int planned, int wanted, Instant target) {
        System.err.printf("[bench] creating %,d grants%s to expire at %s%n", planned,
                planned < wanted ? " (of " + wanted + " wanted, reduced to fit the budget)" : "", target);
    }
}
