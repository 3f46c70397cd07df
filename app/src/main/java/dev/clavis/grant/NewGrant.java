package dev.clavis.grant;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.Role;
import java.util.UUID;

/** A grant to create for an approved request. */
public record NewGrant(UUID requestId, UUID personId, Role role, AccessDuration duration) {}
