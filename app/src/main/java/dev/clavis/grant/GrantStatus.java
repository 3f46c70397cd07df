package dev.clavis.grant;

/** PENDING until the directory confirmed every membership; FAILED when it could not. */
public enum GrantStatus {
    PENDING,
    ACTIVE,
    EXPIRED,
    REVOKED,
    FAILED;

    public boolean inEffect() {
        return this == PENDING || this == ACTIVE;
    }
}
