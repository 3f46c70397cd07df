package dev.clavis.web.internal;

import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.RoleRef;

/** Apps and roles by the names the catalog gives them; an id when the catalog no longer has it. */
final class CatalogNames {

    private CatalogNames() {}

    /** {@code GitHub / admin}. */
    static String of(Catalog catalog, String appId, String roleId) {
        return catalog.app(appId).map(app -> app.name()).orElse(appId) + " / " + role(catalog, new RoleRef(appId, roleId));
    }

    static String role(Catalog catalog, RoleRef ref) {
        return catalog.role(ref).map(r -> r.name() == null ? r.id() : r.name()).orElse(ref.roleId());
    }
}
