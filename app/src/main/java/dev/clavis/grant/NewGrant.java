package dev.clavis.grant;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.Role;
import java.util.UUID;

/**
 * A grant to create for an approved request.
 *
 * @param id chosen by the request, which may record it before the grant exists
 */
public record NewGrant(UUID id, UUID requestId, UUID personId, Role role, AccessDuration duration) {}
