package dev.clavis.catalog.internal;

import dev.clavis.catalog.App;
import dev.clavis.catalog.CatalogChange;
import dev.clavis.catalog.CatalogChange.Kind;
import dev.clavis.catalog.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What applying a catalog would change, app by app and role by role, naming changed fields. */
final class CatalogDiff {

    private CatalogDiff() {}

    static List<CatalogChange> between(List<App> before, List<App> after) {
        var changes = new ArrayList<CatalogChange>();
        for (App app : after) {
            App old = find(before, app.id(), App::id);
            if (old == null) {
                changes.add(new CatalogChange(Kind.ADDED, app.id(), null, List.of()));
                app.roles().forEach(role -> changes.add(new CatalogChange(Kind.ADDED, app.id(), role.id(), List.of())));
                continue;
            }
            List<String> appFields = changed(old, app, List.of(
                    field("name", App::name), field("description", App::description), field("owners", App::owners)));
            if (!appFields.isEmpty()) {
                changes.add(new CatalogChange(Kind.CHANGED, app.id(), null, appFields));
            }
            for (Role role : app.roles()) {
                Role oldRole = find(old.roles(), role.id(), Role::id);
                if (oldRole == null) {
                    changes.add(new CatalogChange(Kind.ADDED, app.id(), role.id(), List.of()));
                } else {
                    List<String> roleFields = changed(oldRole, role, ROLE_FIELDS);
                    if (!roleFields.isEmpty()) {
                        changes.add(new CatalogChange(Kind.CHANGED, app.id(), role.id(), roleFields));
                    }
                }
            }
            old.roles().stream()
                    .filter(r -> find(app.roles(), r.id(), Role::id) == null)
                    .forEach(r -> changes.add(new CatalogChange(Kind.REMOVED, app.id(), r.id(), List.of())));
        }
        before.stream()
                .filter(a -> find(after, a.id(), App::id) == null)
                .forEach(a -> changes.add(new CatalogChange(Kind.REMOVED, a.id(), null, List.of())));
        return changes;
    }

    private static final List<Field<Role>> ROLE_FIELDS = List.of(
            field("name", Role::name),
            field("description", Role::description),
            field("groups", Role::groups),
            field("risk", Role::risk),
            field("durations", Role::durations),
            field("approval", Role::approval),
            field("autoApprove", Role::autoApprove),
            field("conflictsWith", Role::conflictsWith),
            field("exclusive", Role::exclusive));

    private record Field<T>(String name, Function<T, Object> value) {}

    private static <T> Field<T> field(String name, Function<T, Object> value) {
        return new Field<>(name, value);
    }

    private static <T> List<String> changed(T before, T after, List<Field<T>> fields) {
        return fields.stream()
                .filter(f -> !Objects.equals(f.value().apply(before), f.value().apply(after)))
                .map(Field::name)
                .toList();
    }

    private static <T> @Nullable T find(List<T> items, String id, Function<T, String> idOf) {
        return items.stream().filter(i -> idOf.apply(i).equals(id)).findFirst().orElse(null);
    }
}
