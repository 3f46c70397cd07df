package dev.clavis.grant;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A grant could not be put in effect; memberships it had added are being taken back. */
public record GrantProvisioningFailed(UUID grantId, @Nullable UUID requestId, String group, String error) {}
