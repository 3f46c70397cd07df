package dev.clavis.provisioning;

import java.util.Objects;
import java.util.UUID;

/**
 * One membership to add or remove.
 *
 * @param groupName the directory group's name, as the catalog names it
 * @param personId the Clavis id of the person
 * @param reference what asked for it, e.g. {@code grant:<id>}; carried on the outcome events
 */
public record MembershipTask(MembershipOperation operation, String groupName, UUID personId, String reference) {

    public MembershipTask {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(reference, "reference");
    }
}
