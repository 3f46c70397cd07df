package dev.clavis.request.internal;

import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.DecideAccessRequest;
import dev.clavis.request.DecideAccessRequest.Decision;
import dev.clavis.request.RequestEvents.DecisionRecorded;
import dev.clavis.request.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decisions on the current stage. The request row is locked first, so concurrent decisions take
 * turns: of many approvals racing for one stage, the first moves the request on and the rest find it
 * moved and get a conflict.
 */
@Component
class RequestDecisions {

    private final RequestStore store;
    private final RequestRouting routing;
    private final RequestViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestDecisions(RequestStore store, RequestRouting routing, RequestViews views,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.routing = routing;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    AccessRequestView decide(DecideAccessRequest command) {
        if (command.comment() != null && command.comment().length() > 4000) {
            throw new InvalidInputException("comment", "is longer than 4000 characters");
        }
        StoredRequest request = store.lock(command.requestId())
                .orElseThrow(() -> new NotFoundException("There is no request " + command.requestId()));
        if (command.approver().equals(request.beneficiaryId()) || command.approver().equals(request.requesterId())) {
            throw new ForbiddenException("Nobody approves their own request: this one is "
                    + (command.approver().equals(request.beneficiaryId()) ? "for" : "by") + " you");
        }
        if (request.status() != RequestStatus.PENDING_APPROVAL || request.currentStage() == null) {
            throw new ConflictException("The request is " + request.status() + "; it waits for no decision");
        }
        int stage = request.currentStage();
        for (int earlier = 0; earlier < stage; earlier++) {
            if (store.hasDecided(request.id(), earlier, command.approver())) {
                throw new ConflictException("You decided stage " + (earlier + 1) + " already; the request has moved on to stage " + (stage + 1));
            }
        }
        List<java.util.UUID> approvers = store.approvers(request.id(), stage);
        if (!approvers.contains(command.approver())) {
            throw new ForbiddenException("You are not an approver of stage " + (stage + 1) + " of this request; its approvers are "
                    + routing.names(approvers));
        }
        if (store.hasDecided(request.id(), stage, command.approver())) {
            throw new ConflictException("You decided stage " + (stage + 1) + " of this request already");
        }
        Instant now = clock.instant();
        String decision = command.decision() == Decision.APPROVE ? "approve" : "deny";
        store.insertDecision(request.id(), stage, command.approver(), decision, command.comment(), command.channel().value(), now);
        String who = routing.name(command.approver());
        String comment = command.comment() == null || command.comment().isBlank() ? "" : ": " + command.comment().strip();
        store.timeline(request.id(), "decision", "Stage " + (stage + 1) + " " + (decision.equals("approve") ? "approved" : "denied")
                + " by " + who + " via " + command.channel().value() + comment, now);
        events.publishEvent(new DecisionRecorded(request.id(), stage, command.approver(), decision, command.comment(),
                command.channel().value(), now));
        if (command.decision() == Decision.DENY) {
            store.stageStatus(request.id(), stage, "DENIED", now);
            routing.deny(request, "Denied by " + who + comment, command.approver());
        } else if (stageComplete(request, stage, approvers)) {
            store.stageStatus(request.id(), stage, "APPROVED", now);
            routing.advance(request, stage);
        }
        return views.view(request.id());
    }

    private boolean stageComplete(StoredRequest request, int stage, List<java.util.UUID> approvers) {
        boolean requireAll = store.stage(request.id(), stage).map(RequestStore.StageRow::requireAll).orElse(false);
        return !requireAll || new HashSet<>(store.approvalsAt(request.id(), stage)).containsAll(approvers);
    }

}
