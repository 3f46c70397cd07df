package dev.clavis.provisioning;

/** What the directory answered; each is a success. */
public enum MembershipOutcome {
    ADDED,
    ALREADY_MEMBER,
    REMOVED,
    NOT_A_MEMBER
}
