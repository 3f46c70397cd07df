package dev.clavis.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API token may do. */
public enum Scope {
    REQUEST,
    APPROVE,
    REVIEW,
    ADMIN,
    AUDIT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "SCOPE_" + value();
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
