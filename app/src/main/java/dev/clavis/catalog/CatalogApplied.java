package dev.clavis.catalog;

import java.util.List;

/** A new catalog version was applied. */
public record CatalogApplied(long version, String sha256, String appliedBy, List<CatalogChange> changes) {

    public CatalogApplied {
        changes = List.copyOf(changes);
    }
}
