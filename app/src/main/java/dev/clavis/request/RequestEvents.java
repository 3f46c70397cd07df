package dev.clavis.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What happens to requests; audit, Jira and Slack listen. */
public final class RequestEvents {

    private RequestEvents() {}

    public record AccessRequestSubmitted(UUID requestId, UUID requester, UUID beneficiary, String app, String role,
            String duration, @Nullable String justification, String channel, long catalogVersion) {}

    public record ApprovalRequested(UUID requestId, int stage, String rule, int escalation, List<UUID> approvers) {}

    public record DecisionRecorded(UUID requestId, int stage, UUID decidedBy, String decision, @Nullable String comment,
            String channel, Instant decidedAt) {}

    public record AccessRequestApproved(UUID requestId, boolean automatic, String reason, UUID grantId) {}

    public record AccessRequestDenied(UUID requestId, String reason, @Nullable UUID decidedBy) {}

    public record AccessRequestCancelled(UUID requestId, UUID by) {}

    public record AccessRequestGranted(UUID requestId, UUID grantId, Instant grantedAt, @Nullable Instant expiresAt) {}

    public record AccessRequestFailed(UUID requestId, String reason) {}

    public record ApprovalEscalated(UUID requestId, int stage, int escalation, String reason, List<UUID> approvers) {}
}
