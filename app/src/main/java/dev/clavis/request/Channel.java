package dev.clavis.request;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a request or a decision came from. */
public enum Channel {
    API,
    PORTAL,
    JIRA,
    SLACK;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.value().equalsIgnoreCase(value)).findFirst();
    }
}
