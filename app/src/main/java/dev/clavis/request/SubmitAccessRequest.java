package dev.clavis.request;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Ask for a role. Inbound adapters (API, portal, Jira, Slack) all come down to this.
 *
 * @param requester the Clavis id of the person asking
 * @param beneficiary who the access is for: id or email; null means the requester
 * @param duration ISO-8601 or {@code permanent}; one of the role's allowed durations
 */
public record SubmitAccessRequest(
        UUID requester,
        @Nullable String beneficiary,
        @Nullable String app,
        @Nullable String role,
        @Nullable String duration,
        @Nullable String justification,
        Channel channel,
        boolean requesterIsAdmin) {}
