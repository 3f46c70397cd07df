package dev.clavis.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Risk {
    LOW,
    MEDIUM,
    HIGH,
    PRIVILEGED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Risk> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.value().equals(value)).findFirst();
    }
}
