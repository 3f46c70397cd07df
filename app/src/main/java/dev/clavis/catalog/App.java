package dev.clavis.catalog;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An application people can ask access to.
 *
 * @param owners emails of the people who own it: they approve {@code app_owner} stages
 */
public record App(String id, String name, @Nullable String description, List<String> owners, List<Role> roles) {

    public App {
        owners = List.copyOf(owners);
        roles = List.copyOf(roles);
    }

    public Optional<Role> role(String roleId) {
        return roles.stream().filter(r -> r.id().equals(roleId)).findFirst();
    }
}
