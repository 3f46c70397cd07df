package dev.clavis.request;

public enum RequestStatus {
    PENDING_APPROVAL,
    APPROVED,
    PROVISIONING,
    GRANTED,
    DENIED,
    CANCELLED,
    FAILED,
    EXPIRED,
    REVOKED;

    /** Still on its way to a grant: at most one such request per person and role. */
    public boolean open() {
        return this == PENDING_APPROVAL || this == APPROVED || this == PROVISIONING;
    }
}
