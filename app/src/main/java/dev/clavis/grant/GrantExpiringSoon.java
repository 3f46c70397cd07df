package dev.clavis.grant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A grant ends soon: a reminder other modules (Slack, Jira) turn into messages. */
public record GrantExpiringSoon(UUID grantId, @Nullable UUID requestId, UUID personId, Instant expiresAt) {}
