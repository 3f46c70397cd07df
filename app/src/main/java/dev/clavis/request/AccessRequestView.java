package dev.clavis.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A request as the API shows it: its stages, decisions and timeline. */
public record AccessRequestView(
        UUID id,
        String status,
        PersonRef requester,
        PersonRef beneficiary,
        String app,
        String role,
        String duration,
        @Nullable String justification,
        String channel,
        long catalogVersion,
        boolean automatic,
        @Nullable UUID grantId,
        @Nullable UUID extendsGrantId,
        @Nullable Ticket ticket,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable Instant grantedAt,
        List<Stage> approvals,
        List<TimelineEntry> timeline) {

    public record PersonRef(UUID id, String email, String displayName) {}

    public record Ticket(String system, String key, @Nullable String url) {}

    public record Stage(int stage, String rule, String require, String status, int escalation, List<PersonRef> approvers,
            List<Decision> decisions) {}

    public record Decision(String decision, PersonRef decidedBy, Instant decidedAt, String channel, @Nullable String comment) {}

    public record TimelineEntry(Instant at, String kind, String detail) {}
}
