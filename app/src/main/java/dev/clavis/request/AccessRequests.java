package dev.clavis.request;

import java.util.List;
import java.util.UUID;

/** The request lifecycle; every way in (API, portal, Jira, Slack) goes through these commands. */
public interface AccessRequests {

    /**
     * @throws dev.clavis.platform.InvalidInputException for an unknown app or role, a duration the role
     *     does not allow, a missing justification
     * @throws dev.clavis.platform.ConflictException when the person already has an open request for the role
     * @throws dev.clavis.platform.ForbiddenException when asking on behalf of someone without being
     *     their manager or an admin
     */
    AccessRequestView submit(SubmitAccessRequest command);

    /**
     * Where {@link #submit} would send this request now, decided by the same checks and policy, storing
     * nothing. A missing justification is not an error here: the person has not written it yet.
     *
     * @throws dev.clavis.platform.InvalidInputException as {@link #submit} does
     * @throws dev.clavis.platform.ConflictException as {@link #submit} does
     * @throws dev.clavis.platform.ForbiddenException as {@link #submit} does
     */
    ApprovalPreview preview(SubmitAccessRequest command);

    /**
     * @throws dev.clavis.platform.ForbiddenException when the caller is not an approver of the current stage
     * @throws dev.clavis.platform.ConflictException when the request is not waiting for this decision
     */
    AccessRequestView decide(DecideAccessRequest command);

    /** By the requester, while the request waits for approval. */
    AccessRequestView cancel(UUID requestId, UUID by);

    /** Asks for more time on an active grant: a new request through the role's policy. */
    AccessRequestView extend(UUID grantId, UUID requester, String duration, @org.jspecify.annotations.Nullable String justification,
            Channel channel, boolean requesterIsAdmin);

    AccessRequestView get(UUID requestId);

    /** Requests whose current stage waits for this person's decision, newest first, at most {@code limit}. */
    List<AccessRequestView> awaitingDecisionOf(UUID approver, int limit);

    /**
     * Records the ticket that mirrors the request (a Jira issue), shown with the request from then on.
     *
     * @throws dev.clavis.platform.NotFoundException when there is no such request
     */
    void linkTicket(UUID requestId, AccessRequestView.Ticket ticket);

    /** Requests asked by or for this person, newest first, at most {@code limit}. */
    List<AccessRequestView> of(UUID person, int limit);
}
