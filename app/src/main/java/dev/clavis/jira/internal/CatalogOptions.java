package dev.clavis.jira.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.Role;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads Jira select options as catalog entries: an app or role option matches by id or name,
 * case-insensitively; a duration option is read with {@link AccessDuration#parseWritten}.
 */
final class CatalogOptions {

    private CatalogOptions() {}

    static Optional<App> app(Catalog catalog, String option) {
        return catalog.apps().stream().filter(app -> names(option, app.id(), app.name())).findFirst();
    }

    static Optional<Role> role(App app, String option) {
        return app.roles().stream().filter(role -> names(option, role.id(), role.name())).findFirst();
    }

    /** Whether an option names a catalog entry: its id or its name, case-insensitively. */
    static boolean names(String option, String id, @Nullable String name) {
        String wanted = option.strip();
        return wanted.equalsIgnoreCase(id) || (name != null && wanted.equalsIgnoreCase(name));
    }
}
