package dev.clavis.connector.spi;

import java.util.List;

/**
 * A connector that can change group memberships. Every operation is idempotent: the provider's own
 * "already there" and "not there" answers are ordinary outcomes, not errors.
 *
 * <p>The batch operations exist for providers where one call can change many memberships (one LDAP
 * modify with many member values); their defaults apply the changes one by one, and
 * {@link #batchLimit()} of 1 tells the caller that batches bring nothing, so it keeps its calls
 * concurrent instead.
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

    /**
     * The most changes one call of {@link #addMembers} or {@link #removeMembers} should be given. The
     * caller's rate limit counts each such call as one write.
     */
    default int batchLimit() {
        return 1;
    }

    /**
     * Adds each person to their group, as {@link #addMember} would: {@link AddOutcome#ALREADY_MEMBER}
     * exactly for those who were members before this call.
     *
     * @return one result per change, in the order given; a failure that affects every change (the
     *     directory is unreachable) is the result of each
     */
    default List<ChangeResult<AddOutcome>> addMembers(List<MembershipChange> changes) {
        return changes.stream().map(change -> ChangeResult.of(() -> addMember(change))).toList();
    }

    /**
     * Removes each person from their group, as {@link #removeMember} would.
     *
     * @return one result per change, in the order given
     */
    default List<ChangeResult<RemoveOutcome>> removeMembers(List<MembershipChange> changes) {
        return changes.stream().map(change -> ChangeResult.of(() -> removeMember(change))).toList();
    }

    enum AddOutcome {
        ADDED,
        ALREADY_MEMBER
    }

    enum RemoveOutcome {
        REMOVED,
        NOT_A_MEMBER
    }
}
