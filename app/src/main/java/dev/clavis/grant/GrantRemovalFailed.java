package dev.clavis.grant;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The directory refused, for good, to remove one of an ended grant's memberships: the person may
 * still have the access, and someone must look (the connector's error says why).
 */
public record GrantRemovalFailed(UUID grantId, @Nullable UUID requestId, String group, String error) {}
