package dev.clavis.grant;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One group of a grant.
 *
 * @param state ADDING, PRESENT, REMOVING, REMOVED, RETAINED (left in place at the end: another grant
 *     needs it or it existed before Clavis), FAILED
 * @param preexisting the person was a member before Clavis added them
 */
public record GrantMembership(String groupName, String state, boolean preexisting, @Nullable String detail, Instant changedAt) {}
