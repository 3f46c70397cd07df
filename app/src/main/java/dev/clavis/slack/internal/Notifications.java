package dev.clavis.slack.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantEnded;
import dev.clavis.grant.GrantExpiringSoon;
import dev.clavis.grant.Grants;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.RequestEvents.AccessRequestApproved;
import dev.clavis.request.RequestEvents.AccessRequestCancelled;
import dev.clavis.request.RequestEvents.AccessRequestDenied;
import dev.clavis.request.RequestEvents.AccessRequestFailed;
import dev.clavis.request.RequestEvents.AccessRequestGranted;
import dev.clavis.request.RequestEvents.AccessRequestSubmitted;
import dev.clavis.request.RequestEvents.ApprovalEscalated;
import dev.clavis.request.RequestEvents.ApprovalRequested;
import dev.clavis.request.RequestEvents.DecisionRecorded;
import dev.clavis.request.RequestStatus;
import dev.clavis.review.ReviewEvents.ReviewItemReassigned;
import dev.clavis.review.ReviewEvents.ReviewReminderDue;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns what happens to requests, grants and reviews into messages: approvers get a message per
 * stage, the person the access is for hears of each step, reviewers are reminded of what they have
 * left before a campaign's deadline. Each listener only queues a row ({@link BeforeCommit}); Slack is
 * called later by {@link OutboxSender}.
 */
@Component
@OnSlack
class Notifications {

    static final String EXTEND = "extend";

    private final Outbox outbox;
    private final AccessRequests requests;
    private final Grants grants;

    Notifications(Outbox outbox, AccessRequests requests, Grants grants) {
        this.outbox = outbox;
        this.requests = requests;
        this.grants = grants;
    }

    @BeforeCommit
    void on(AccessRequestSubmitted event) {
        AccessRequestView view = requests.get(event.requestId());
        String what = what(view);
        String next = view.status().equals(RequestStatus.PENDING_APPROVAL.name())
                ? "It waits for " + waitingFor(view) + "."
                : "It needs no approval and is being granted.";
        outbox.toPerson("submitted:" + event.requestId(), event.beneficiary(),
                Blocks.message(":inbox_tray: Your request for " + what + " is submitted. " + next + reference(view)));
    }

    @BeforeCommit
    void on(ApprovalRequested event) {
        event.approvers().forEach(approver -> outbox.approvalRequest(event.requestId(), event.stage(), approver));
    }

    @BeforeCommit
    void on(ApprovalEscalated event) {
        outbox.refreshApprovals(event.requestId(), "escalated:" + event.stage() + ":" + event.escalation());
        event.approvers().forEach(approver -> outbox.approvalRequest(event.requestId(), event.stage(), approver));
    }

    @BeforeCommit
    void on(DecisionRecorded event) {
        outbox.refreshApprovals(event.requestId(), "decision:" + event.stage() + ":" + event.decidedBy());
        AccessRequestView view = requests.get(event.requestId());
        String who = view.approvals().stream().flatMap(s -> s.decisions().stream())
                .filter(d -> d.decidedBy().id().equals(event.decidedBy())).findFirst()
                .map(d -> Blocks.escape(d.decidedBy().displayName())).orElse("An approver");
        String verb = event.decision().equals("approve") ? ":white_check_mark: " + who + " approved" : ":x: " + who + " denied";
        outbox.toPerson("decision:" + event.requestId() + ":" + event.stage() + ":" + event.decidedBy(), view.beneficiary().id(),
                Blocks.message(verb + " stage " + (event.stage() + 1) + " of your request for " + what(view)
                        + (event.comment() == null || event.comment().isBlank() ? "" : ": " + Blocks.escape(event.comment())) + "."));
    }

    @BeforeCommit
    void on(AccessRequestApproved event) {
        outbox.refreshApprovals(event.requestId(), "approved");
    }

    @BeforeCommit
    void on(AccessRequestDenied event) {
        outbox.refreshApprovals(event.requestId(), "denied");
        AccessRequestView view = requests.get(event.requestId());
        outbox.toPerson("denied:" + event.requestId(), view.beneficiary().id(), Blocks.message(":no_entry: Your request for "
                + what(view) + " was denied. " + Blocks.escape(event.reason()) + reference(view)));
    }

    @BeforeCommit
    void on(AccessRequestCancelled event) {
        outbox.refreshApprovals(event.requestId(), "cancelled");
    }

    @BeforeCommit
    void on(AccessRequestGranted event) {
        outbox.refreshApprovals(event.requestId(), "granted");
        AccessRequestView view = requests.get(event.requestId());
        List<String> groups = grants.find(event.grantId()).map(Grant::groups).orElse(List.of());
        outbox.toPerson("granted:" + event.requestId(), view.beneficiary().id(), Blocks.message(":key: You have " + what(view)
                + ": the directory added you to " + String.join(", ", groups) + ". " + until(event.expiresAt()) + reference(view)));
    }

    @BeforeCommit
    void on(AccessRequestFailed event) {
        outbox.refreshApprovals(event.requestId(), "failed");
        AccessRequestView view = requests.get(event.requestId());
        outbox.toPerson("failed:" + event.requestId(), view.beneficiary().id(), Blocks.message(":warning: Your request for "
                + what(view) + " could not be granted: " + Blocks.escape(event.reason()) + "\nNothing was left half done. "
                + "Ask your IT team with the request id below; once they have fixed the cause, ask again with `/request`."
                + reference(view)));
    }

    @BeforeCommit
    void on(GrantExpiringSoon event) {
        Grant grant = grants.find(event.grantId()).orElse(null);
        if (grant == null) {
            return;
        }
        String text = ":hourglass_flowing_sand: Your access to " + grant.role() + " ends " + at(event.expiresAt()) + ".";
        outbox.toPerson("expiring:" + event.grantId() + ":" + event.expiresAt(), event.personId(), Blocks.message(text, List.of(
                Blocks.section(text),
                Blocks.actions("grant", List.of(Blocks.button(EXTEND, "Extend", event.grantId().toString(), "primary"))))));
    }

    @BeforeCommit
    void on(ReviewReminderDue event) {
        String items = event.undecided() == 1 ? "1 access item" : event.undecided() + " access items";
        outbox.toPerson("review-reminder:" + event.campaignId() + ":" + event.reviewerId() + ":" + event.remindedAt(), event.reviewerId(),
                Blocks.message(":clipboard: You have " + items + " left to review in “" + Blocks.escape(event.name())
                        + "”, due " + at(event.deadline()) + ". Keep or revoke each under Reviews in the Clavis console."));
    }

    @BeforeCommit
    void on(ReviewItemReassigned event) {
        outbox.toPerson("review-reassigned:" + event.campaignId() + ":" + event.itemId() + ":" + event.toReviewerId(),
                event.toReviewerId(), Blocks.message(":clipboard: An access item of a review was passed to you ("
                        + Blocks.escape(event.reason()) + "). Keep or revoke it under Reviews in the Clavis console."));
    }

    @BeforeCommit
    void on(GrantEnded event) {
        Grant grant = grants.find(event.grantId()).orElse(null);
        String role = grant == null ? "a role" : grant.role().toString();
        String how = event.status().name().equals("EXPIRED") ? "expired" : "was revoked by " + event.by() + ": " + event.reason();
        outbox.toPerson("ended:" + event.grantId(), event.personId(), Blocks.message(":lock: Your access to " + role + " "
                + Blocks.escape(how) + ". Clavis is taking back the memberships it gave you in "
                + (grant == null ? "its groups" : String.join(", ", grant.groups())) + "."));
    }

    private static String what(AccessRequestView view) {
        return "*" + view.app() + "/" + view.role() + "* for " + AccessDuration.describe(view.duration());
    }

    private static String waitingFor(AccessRequestView view) {
        return view.approvals().stream().filter(s -> s.status().equals("WAITING")).findFirst()
                .map(s -> s.approvers().stream().map(p -> Blocks.escape(p.displayName())).collect(Collectors.joining(", "))
                        + " (stage " + s.stage() + " of " + view.approvals().size() + ")")
                .orElse("approval");
    }

    private static String reference(AccessRequestView view) {
        String ticket = view.ticket() == null ? "" : ", ticket " + (view.ticket().url() == null ? view.ticket().key()
                : "<" + view.ticket().url() + "|" + view.ticket().key() + ">");
        return "\n_Request " + view.id() + ticket + "_";
    }

    private static String until(@Nullable Instant expiresAt) {
        return expiresAt == null ? "It does not expire." : "It ends " + at(expiresAt) + ".";
    }

    /** Slack shows the time in the reader's own time zone. */
    static String at(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} at {time}|" + instant + ">";
    }
}
