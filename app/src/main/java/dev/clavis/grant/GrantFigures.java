package dev.clavis.grant;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * @param standingPrivilegedGrants permanent grants of privileged roles in effect
 * @param revocationLagP95 from a grant's expiry to the directory confirming removal, 95th percentile
 */
public record GrantFigures(long activeGrants, long standingPrivilegedGrants, @Nullable Duration revocationLagP95) {}
