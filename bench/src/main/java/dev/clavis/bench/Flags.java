package dev.clavis.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code --name=value} and {@code --name value} arguments, and bare {@code --name} switches. Each value is
 * taken at most once; {@link #refuseUnknown()} then names the first argument nobody asked for, so a typo is
 * an error rather than a default silently measured.
 */
final class Flags {

    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    static Flags parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(arg.substring(2), args[++i]);
            } else {
                values.put(arg.substring(2), "true");
            }
        }
        return new Flags(values);
    }

    /** A switch: present (or {@code =true}) is on. */
    boolean on(String name) {
        @Nullable String value = values.remove(name);
        return value != null && !value.equalsIgnoreCase("false");
    }

    /** Accepts {@code 10000} and {@code 10_000}. */
    int integer(String name, int otherwise) {
        @Nullable String value = values.remove(name);
        try {
            return value == null ? otherwise : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, not '" + value + "'");
        }
    }

    double decimal(String name, double otherwise) {
        @Nullable String value = values.remove(name);
        try {
            return value == null ? otherwise : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, not '" + value + "'");
        }
    }

    /** An ISO-8601 duration such as {@code PT10M}. */
    Duration duration(String name, Duration otherwise) {
        @Nullable String value = values.remove(name);
        try {
            return value == null ? otherwise : Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + name + " needs an ISO-8601 duration such as PT10M, not '" + value + "'");
        }
    }

    String text(String name, String otherwise) {
        @Nullable String value = values.remove(name);
        return value == null ? otherwise : value;
    }

    Path path(String name, String otherwise) {
        return Path.of(text(name, otherwise));
    }

    void refuseUnknown() {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
        }
    }
}
