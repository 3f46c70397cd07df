package dev.clavis.request;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Decide the current stage of a request as {@code approver}. */
public record DecideAccessRequest(UUID requestId, UUID approver, Decision decision, @Nullable String comment, Channel channel) {

    public enum Decision {
        APPROVE,
        DENY
    }
}
