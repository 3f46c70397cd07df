package dev.clavis.jira.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Folds a ticket's waiting steps into as few Jira calls as keep the ticket reading in order:
 * consecutive comments become one comment, the approvers and the property are written once, after
 * the rest, with their latest value. A burst of steps costs a handful of calls against Jira's
 * per-issue write limit, not one call each.
 */
final class Coalescing {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private Coalescing() {}

    /** A call to make, and the steps it settles. */
    sealed interface Call {
        List<Long> steps();
    }

    record CreateIssue(List<Long> steps) implements Call {}

    record Comment(List<Note> notes, List<Long> steps) implements Call {}

    record Transition(String which, List<Long> steps) implements Call {}

    record Approvers(List<String> emails, List<Long> steps) implements Call {}

    /** @param status the request's status as of the latest step that knew it; null: read it when sending */
    record Property(@Nullable String status, List<Long> steps) implements Call {}

    static List<Call> calls(List<Step> steps) {
        var calls = new ArrayList<Call>();
        var notes = new ArrayList<Note>();
        var noteSteps = new ArrayList<Long>();
        List<String> approvers = null;
        var approverSteps = new ArrayList<Long>();
        var propertySteps = new ArrayList<Long>();
        String status = null;
        for (Step step : steps) {
            switch (step.kind()) {
                case COMMENT -> {
                    notes.add(EvidenceRecorder.JSON.readValue(step.payload(), Note.class));
                    noteSteps.add(step.id());
                }
                case CREATE_ISSUE, TRANSITION -> {
                    flush(calls, notes, noteSteps);
                    calls.add(step.kind() == Step.Kind.CREATE_ISSUE
                            ? new CreateIssue(List.of(step.id()))
                            : new Transition(EvidenceRecorder.JSON.readValue(step.payload(), String.class), List.of(step.id())));
                }
                case APPROVERS -> {
                    approvers = EvidenceRecorder.JSON.readValue(step.payload(), STRINGS);
                    approverSteps.add(step.id());
                }
                case PROPERTY -> {
                    propertySteps.add(step.id());
                    status = EvidenceRecorder.JSON.readTree(step.payload()).path("status").asString(null);
                }
            }
        }
        flush(calls, notes, noteSteps);
        if (approvers != null) {
            calls.add(new Approvers(approvers, List.copyOf(approverSteps)));
        }
        if (!propertySteps.isEmpty()) {
            calls.add(new Property(status, List.copyOf(propertySteps)));
        }
        return calls;
    }

    private static void flush(List<Call> calls, List<Note> notes, List<Long> noteSteps) {
        if (!notes.isEmpty()) {
            calls.add(new Comment(List.copyOf(notes), List.copyOf(noteSteps)));
            notes.clear();
            noteSteps.clear();
        }
    }
}
