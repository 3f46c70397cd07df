package dev.clavis.connector.spi;

/**
 * A connector that can change group memberships. Both operations are idempotent: the provider's own
 * "already there" and "not there" answers are ordinary outcomes, not errors.
 */
public interface MembershipProvisioning {

    /**
     * Makes the person a direct member of the group.
     *
     * @throws UnknownGroupException when the group does not exist
     * @throws UnknownPersonException when the person does not exist
     */
    AddOutcome addMember(MembershipChange change);

    /**
     * Ends the person's direct membership of the group.
     *
     * @throws UnknownGroupException when the group does not exist
     */
    RemoveOutcome removeMember(MembershipChange change);

    enum AddOutcome {
        ADDED,
        ALREADY_MEMBER
    }

    enum RemoveOutcome {
        REMOVED,
        NOT_A_MEMBER
    }
}
