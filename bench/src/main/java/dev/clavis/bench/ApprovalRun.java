package dev.clavis.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.databind.JsonNode;

/**
 * Requests that need one manual approval: each bench person asks for a role whose one stage is their
 * manager, then the managers approve, at a steady rate. Measured: from the moment the decision call's
 * answer is back until the request is GRANTED, and from the recorded decision ({@code decidedAt}) until
 * GRANTED, both from the request as Clavis keeps it.
 */
final class ApprovalRun {

    /**
     * @param decided approvals answered 200
     * @param granted of those, how many reached GRANTED
     * @param decisionCall the decision call's own latency: sent until answered
     * @param answerToGranted the decision's answer back until {@code grantedAt}
     * @param decidedToGranted {@code decidedAt} until {@code grantedAt}
     */
    record Result(int asked, int decided, int granted, double perSecond, Latencies decisionCall,
            Latencies answerToGranted, Latencies decidedToGranted, List<String> problems) {}

    private ApprovalRun() {
    }

    static Result run(RequestApi api, RunWatch watch, BenchTokens tokens, int count, double perSecond, int concurrency)
            throws InterruptedException {
        var problems = new ConcurrentLinkedQueue<String>();
        var waiting = new AtomicReferenceArray<UUID>(count);
        Concurrently.all(count, concurrency, watch.deadline(), i -> {
            RequestApi.Answer answer = api.submit(tokens.person(i), BenchCatalog.APP, BenchCatalog.APPROVED, "permanent");
            if (answer.is(201) && answer.body().path("status").asString().equals("PENDING_APPROVAL")) {
                waiting.set(i, UUID.fromString(answer.body().path("id").asString()));
            } else {
                problems.add("submit answered " + answer.problem() + " " + answer.body().path("status").asString());
            }
        });
        var decisions = new AtomicReferenceArray<FollowUp.Sent>(count);
        Concurrently.until(count, concurrency, perSecond, watch.deadline(), i -> {
            UUID id = waiting.get(i);
            if (id == null) {
                return;
            }
            Instant at = Instant.now();
            RequestApi.Answer answer = api.approve(tokens.managerOf(i), id);
            Instant answered = Instant.now();
            if (answer.is(200)) {
                decisions.set(i, new FollowUp.Sent(id, at, answered));
            } else {
                problems.add("decision answered " + answer.problem());
            }
        });
        List<FollowUp.Sent> decided = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (decisions.get(i) != null) {
                decided.add(decisions.get(i));
            }
        }
        FollowUp.awaitSettled(api, watch);
        Map<UUID, JsonNode> requests = FollowUp.read(api, decided.stream().map(FollowUp.Sent::id).toList(),
                watch.deadline());
        var calls = new ArrayList<Duration>();
        var fromAnswer = new ArrayList<Duration>();
        var fromDecision = new ArrayList<Duration>();
        for (FollowUp.Sent decision : decided) {
            calls.add(Duration.between(decision.sentAt(), decision.answeredAt()));
            JsonNode state = requests.get(decision.id());
            Instant grantedAt = FollowUp.instant(state, "grantedAt");
            Instant recorded = FollowUp.instant(state, "decidedAt");
            if (grantedAt == null || recorded == null || !state.path("status").asString().equals("GRANTED")) {
                problems.add("request " + decision.id() + " ended " + state.path("status").asString());
                continue;
            }
            fromAnswer.add(Duration.between(decision.answeredAt(), grantedAt));
            fromDecision.add(Duration.between(recorded, grantedAt));
        }
        return new Result(count, decided.size(), fromAnswer.size(), perSecond, Latencies.of(calls),
                Latencies.of(fromAnswer), Latencies.of(fromDecision), Problems.sample(problems));
    }
}
