package dev.clavis.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One difference between two catalogs.
 *
 * @param role null when the change is to the app itself
 * @param fields for a change, the fields that differ
 */
public record CatalogChange(Kind kind, String app, @Nullable String role, List<String> fields) {

    public CatalogChange {
        fields = List.copyOf(fields);
    }

    public enum Kind {
        ADDED,
        CHANGED,
        REMOVED
    }
}
