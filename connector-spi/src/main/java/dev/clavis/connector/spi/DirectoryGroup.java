package dev.clavis.connector.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group as the provider describes it.
 *
 * @param id the provider's stable identifier, which membership calls take
 * @param name the name people and the catalog use; unique within the directory
 */
public record DirectoryGroup(String id, String name, @Nullable String description) {

    public DirectoryGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
