package dev.clavis.provisioning;

public enum MembershipOperation {
    ADD,
    REMOVE
}
