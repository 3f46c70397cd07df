package dev.clavis.provisioning;

import java.util.List;

/**
 * The directory confirmed these changes, recorded in one transaction: published after each change's own
 * {@link MembershipChangeConfirmed}, so that what follows from many of them (the grants they complete) can be
 * read and written together rather than a statement or more each.
 */
public record MembershipChangesConfirmed(List<MembershipChangeConfirmed> changes) {

    public MembershipChangesConfirmed {
        changes = List.copyOf(changes);
    }
}
