package dev.clavis.connector.spi;

import java.util.Objects;

/** A person's direct membership of a group, by provider ids. */
public record DirectoryMembership(String groupId, String personId) {

    public DirectoryMembership {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(personId, "personId");
    }
}
