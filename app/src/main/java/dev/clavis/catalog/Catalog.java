package dev.clavis.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One version of the catalog.
 *
 * @param version increases by one with each applied change; 0 for the empty catalog before any
 */
public record Catalog(long version, List<App> apps) {

    public Catalog {
        apps = List.copyOf(apps);
    }

    public static Catalog empty() {
        return new Catalog(0, List.of());
    }

    public Optional<App> app(String appId) {
        return apps.stream().filter(a -> a.id().equals(appId)).findFirst();
    }

    public Optional<Role> role(String appId, String roleId) {
        return app(appId).flatMap(a -> a.role(roleId));
    }

    public Optional<Role> role(RoleRef ref) {
        return role(ref.appId(), ref.roleId());
    }
}
