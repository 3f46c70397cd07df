package dev.clavis.connector.spi;

import java.util.Objects;

/** One membership to add or remove, by provider ids. */
public record MembershipChange(String groupId, String personId) {

    public MembershipChange {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(personId, "personId");
    }
}
