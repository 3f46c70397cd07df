package dev.clavis.grant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An active grant's expiry moved; the directory was not touched. */
public record GrantExtended(UUID grantId, @Nullable Instant previousExpiresAt, Instant expiresAt, String by) {}
