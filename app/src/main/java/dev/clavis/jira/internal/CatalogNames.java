package dev.clavis.jira.internal;

import dev.clavis.catalog.Catalog;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the doctor compares Jira's options with: each app's and role's id and name, and the durations
 * roles allow. From the catalog in force, or, for the command line, read from the catalog file.
 */
public record CatalogNames(List<AppName> apps) {

    public record AppName(String id, @Nullable String name, List<RoleName> roles) {}

    public record RoleName(String id, @Nullable String name, List<String> durations) {}

    static CatalogNames of(Catalog catalog) {
        return new CatalogNames(catalog.apps().stream()
                .map(app -> new AppName(app.id(), app.name(), app.roles().stream()
                        .map(role -> new RoleName(role.id(), role.name(), role.durations().stream().map(Object::toString).toList()))
                        .toList()))
                .toList());
    }

    /** Reads the apps and roles of a catalog file; the server checks the rest when it applies it. */
    public static CatalogNames read(InputStream yaml) {
        Object document;
        try (yaml) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var apps = new ArrayList<AppName>();
        if (document instanceof Map<?, ?> root && root.get("apps") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> app && app.get("id") != null) {
                    var roles = new ArrayList<RoleName>();
                    if (app.get("roles") instanceof List<?> roleList) {
                        for (Object roleItem : roleList) {
                            if (roleItem instanceof Map<?, ?> role && role.get("id") != null) {
                                List<String> durations = role.get("durations") instanceof List<?> d ? d.stream().map(String::valueOf).toList() : List.of();
                                roles.add(new RoleName(String.valueOf(role.get("id")), text(role.get("name")), durations));
                            }
                        }
                    }
                    apps.add(new AppName(String.valueOf(app.get("id")), text(app.get("name")), List.copyOf(roles)));
                }
            }
        }
        return new CatalogNames(List.copyOf(apps));
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
