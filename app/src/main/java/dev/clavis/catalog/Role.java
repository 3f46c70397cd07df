package dev.clavis.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A role of an app: holding it means being a member of each of its directory groups.
 *
 * @param durations what a requester may pick
 * @param autoApprove when true for a request, it is approved with no stage
 * @param conflictsWith roles nobody may hold together with this one
 * @param exclusive whether the role's groups are Clavis's alone: members no grant explains are removed
 */
public record Role(
        RoleRef ref,
        @Nullable String name,
        @Nullable String description,
        List<String> groups,
        Risk risk,
        List<AccessDuration> durations,
        Approval approval,
        @Nullable PolicyCondition autoApprove,
        List<RoleRef> conflictsWith,
        boolean exclusive) {

    public Role {
        groups = List.copyOf(groups);
        durations = List.copyOf(durations);
        conflictsWith = List.copyOf(conflictsWith);
    }

    public String id() {
        return ref.roleId();
    }

    public String appId() {
        return ref.appId();
    }

    public boolean allows(AccessDuration duration) {
        return durations.contains(duration);
    }

    /** High and privileged roles need a reason: reviewers and auditors read it. */
    public boolean requiresJustification() {
        return risk == Risk.HIGH || risk == Risk.PRIVILEGED;
    }
}
