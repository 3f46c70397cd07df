package dev.clavis.bench;

import dev.clavis.bench.FollowUp.Sent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Auto-approved requests, each by its own bench person, sent as fast as a bounded pool of clients can: a
 * client sends its next request as soon as the answer to its last is back. Each request is then followed
 * to GRANTED, the moment Clavis recorded that the directory confirmed the membership.
 */
final class ThroughputRun {

    /**
     * @param asked requests sent
     * @param accepted answered 201
     * @param granted reached GRANTED
     * @param firstSent when the first request left the benchmark
     * @param lastAnswered when the last answer came back
     * @param lastGranted the latest {@code grantedAt}, or null when none was granted
     * @param response submit call latency: sent until answered
     * @param endToEnd sent until {@code grantedAt}
     * @param firstTenthPerSecond grants per second until a tenth of them were granted: while the group is small
     * @param lastTenthPerSecond grants per second over the last tenth: once the group is large
     * @param cpu CPU used from the first request sent until none was on its way any more
     * @param problems a sample of what went wrong, empty when nothing did
     */
    record Result(int asked, int accepted, int granted, Instant firstSent, Instant lastAnswered,
            @Nullable Instant lastGranted, Latencies response, Latencies endToEnd, double firstTenthPerSecond,
            double lastTenthPerSecond, CpuMeter.Use cpu, List<String> problems) {

        /** CPU milliseconds per granted request, of one party's CPU time. */
        double millisPerGrant(Duration cpuTime) {
            return granted == 0 ? 0 : cpuTime.toNanos() / 1e6 / granted;
        }

        double submittedPerSecond() {
            return FollowUp.perSecond(accepted, firstSent, lastAnswered);
        }

        double grantedPerSecond() {
            return FollowUp.perSecond(granted, firstSent, lastGranted);
        }
    }

    private ThroughputRun() {
    }

    /**
     * @param roleOf the role bench person i asks for
     * @param clavis the process whose CPU time is measured
     * @param database Clavis's PostgreSQL database, whose server processes' CPU time is measured; null on H2
     */
    static Result run(RequestApi api, RunWatch watch, BenchTokens tokens, IntFunction<String> roleOf, int count,
            int concurrency, ClavisProcess clavis, @Nullable String database) throws InterruptedException {
        CpuMeter.Use cpu;
        var sent = new AtomicReferenceArray<Sent>(count);
        var problems = new ConcurrentLinkedQueue<String>();
        try (CpuMeter meter = CpuMeter.start(clavis, database)) {
            submit(api, watch, tokens, roleOf, count, concurrency, sent, problems);
            FollowUp.awaitSettled(api, watch);
            cpu = meter.use();
        }
        List<Sent> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (sent.get(i) != null) {
                accepted.add(sent.get(i));
            }
        }
        Map<UUID, JsonNode> requests = FollowUp.read(api, accepted.stream().map(Sent::id).toList(), watch.deadline());
        return result(count, accepted, requests, cpu, problems);
    }

    private static void submit(RequestApi api, RunWatch watch, BenchTokens tokens, IntFunction<String> roleOf,
            int count, int concurrency, AtomicReferenceArray<Sent> sent, ConcurrentLinkedQueue<String> problems)
            throws InterruptedException {
        Concurrently.all(count, concurrency, watch.deadline(), i -> {
            Instant at = Instant.now();
            RequestApi.Answer answer = api.submit(tokens.person(i), BenchCatalog.APP, roleOf.apply(i), "permanent");
            Instant answered = Instant.now();
            if (answer.is(201)) {
                sent.set(i, new Sent(UUID.fromString(answer.body().path("id").asString()), at, answered));
            } else {
                problems.add("submit answered " + answer.problem());
            }
        });
    }

    private static Result result(int count, List<Sent> accepted, Map<UUID, JsonNode> requests, CpuMeter.Use cpu,
            ConcurrentLinkedQueue<String> problems) {
        var responses = new ArrayList<Duration>();
        var endToEnd = new ArrayList<Duration>();
        var granted = new ArrayList<Instant>();
        Instant lastGranted = null;
        for (Sent request : accepted) {
            responses.add(Duration.between(request.sentAt(), request.answeredAt()));
            JsonNode state = requests.get(request.id());
            Instant grantedAt = FollowUp.instant(state, "grantedAt");
            if (grantedAt == null || !state.path("status").asString().equals("GRANTED")) {
                problems.add("request " + request.id() + " ended " + state.path("status").asString());
                continue;
            }
            endToEnd.add(Duration.between(request.sentAt(), grantedAt));
            granted.add(grantedAt);
            lastGranted = lastGranted == null || grantedAt.isAfter(lastGranted) ? grantedAt : lastGranted;
        }
        Instant firstSent = accepted.stream().map(Sent::sentAt).min(Instant::compareTo).orElse(Instant.now());
        Instant lastAnswered = accepted.stream().map(Sent::answeredAt).max(Instant::compareTo).orElse(firstSent);
        granted.sort(null);
        int n = granted.size();
        double firstTenth = n < 10 ? 0 : FollowUp.perSecond(n / 10, firstSent, granted.get(n / 10 - 1));
        double lastTenth = n < 10 ? 0 : FollowUp.perSecond(n - n * 9 / 10, granted.get(n * 9 / 10 - 1), granted.get(n - 1));
        return new Result(count, accepted.size(), endToEnd.size(), firstSent, lastAnswered, lastGranted,
                Latencies.of(responses), Latencies.of(endToEnd), firstTenth, lastTenth, cpu, Problems.sample(problems));
    }
}
