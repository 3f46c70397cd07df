package dev.clavis.connector.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group as the provider describes it.
 *
 * @param id the provider's stable identifier, which membership calls take
 * @param name the name people and the catalog use; unique within the directory
 * @param managedElsewhere why the connector cannot change this group's members, in words for the catalog
 *     (e.g. the group is imported from another directory, which masters its members); null when it can
 */
public record DirectoryGroup(String id, String name, @Nullable String description, @Nullable String managedElsewhere) {

    public DirectoryGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** A group whose members the connector can change. */
    public DirectoryGroup(String id, String name, @Nullable String description) {
        this(id, name, description, null);
    }
}
