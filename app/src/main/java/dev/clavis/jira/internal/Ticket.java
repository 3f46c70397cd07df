package dev.clavis.jira.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Jira issue Clavis writes to, and the request it mirrors, if any.
 *
 * @param origin {@code created} (the issue came first), {@code mirrored} (Clavis created it),
 *     {@code rule} (an issue rule asked for the request), {@code answer} (no request: Clavis only replies)
 */
record Ticket(UUID id, @Nullable UUID requestId, String origin, @Nullable String issueKey, int attempts) {

    static final String CREATED = "created";
    static final String MIRRORED = "mirrored";
    static final String RULE = "rule";
    static final String ANSWER = "answer";
}
