package dev.clavis.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescingTest {

    private static Step comment(long id, String headline) {
        return new Step(id, Step.Kind.COMMENT, EvidenceRecorder.JSON.writeValueAsString(Note.of(headline, "a fact")));
    }

    @Test
    void aBurstOfStepsBecomesOneCommentPerRunAndOneWriteOfEachField() {
        var steps = List.of(
                new Step(1, Step.Kind.CREATE_ISSUE, "{}"),
                comment(2, "Access request opened"),
                new Step(3, Step.Kind.PROPERTY, "{\"status\":\"PENDING_APPROVAL\"}"),
                comment(4, "Waiting for approval"),
                new Step(5, Step.Kind.APPROVERS, "[\"a@acme.test\"]"),
                comment(6, "Approved by A"),
                new Step(7, Step.Kind.TRANSITION, "\"approved\""),
                comment(8, "Granted"),
                new Step(9, Step.Kind.APPROVERS, "[\"b@acme.test\"]"),
                new Step(10, Step.Kind.PROPERTY, "{\"status\":\"GRANTED\"}"));

        List<Coalescing.Call> calls = Coalescing.calls(steps);

        assertThat(calls).hasSize(6);
        assertThat(calls.get(0)).isEqualTo(new Coalescing.CreateIssue(List.of(1L)));
        assertThat(((Coalescing.Comment) calls.get(1)).notes()).extracting(Note::headline)
                .containsExactly("Access request opened", "Waiting for approval", "Approved by A");
        assertThat(calls.get(2)).isEqualTo(new Coalescing.Transition("approved", List.of(7L)));
        assertThat(((Coalescing.Comment) calls.get(3)).notes()).extracting(Note::headline).containsExactly("Granted");
        assertThat(calls.get(4)).isEqualTo(new Coalescing.Approvers(List.of("b@acme.test"), List.of(5L, 9L)));
        assertThat(calls.get(5)).isEqualTo(new Coalescing.Property("GRANTED", List.of(3L, 10L)));
        assertThat(calls.stream().flatMap(call -> call.steps().stream())).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void aPropertyWhoseLastStepKnowsNoStatusIsReadWhenSent() {
        var calls = Coalescing.calls(List.of(new Step(1, Step.Kind.PROPERTY, "{\"status\":\"GRANTED\"}"), new Step(2, Step.Kind.PROPERTY, "{}")));

        assertThat(calls).containsExactly(new Coalescing.Property(null, List.of(1L, 2L)));
    }
}
