package dev.clavis.connector.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One setting a connector reads.
 *
 * @param name kebab-case, e.g. {@code bind-dn}; the platform reads it from {@code clavis.<type>.<name>}
 *     (environment {@code CLAVIS_<TYPE>_<NAME>}, or a file named by {@code ..._FILE})
 * @param secret whether the value must never be logged or shown
 * @param defaultValue used when the setting is absent; null for none
 */
public record ConfigProperty(
        String name, String description, boolean required, boolean secret, @Nullable String defaultValue) {

    public ConfigProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("setting names are kebab-case: " + name);
        }
    }

    public static ConfigProperty required(String name, String description) {
        return new ConfigProperty(name, description, true, false, null);
    }

    public static ConfigProperty optional(String name, String description, @Nullable String defaultValue) {
        return new ConfigProperty(name, description, false, false, defaultValue);
    }

    public static ConfigProperty secret(String name, String description) {
        return new ConfigProperty(name, description, true, true, null);
    }
}
