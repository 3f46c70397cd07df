package dev.clavis.jira.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.Role;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads Jira select options as catalog entries: an app or role option matches by id or name,
 * case-insensitively; a duration option reads {@code 1 hour}, {@code 6 hours}, {@code 7 days},
 * {@code Permanent} or ISO-8601.
 */
final class CatalogOptions {

    private static final Pattern SPOKEN = Pattern.compile("(\\d+)\\s*(minute|hour|day|week)s?", Pattern.CASE_INSENSITIVE);

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

    static Optional<AccessDuration> duration(String option) {
        String text = option.strip();
        Matcher spoken = SPOKEN.matcher(text);
        if (spoken.matches()) {
            long amount = Long.parseLong(spoken.group(1));
            Duration length = switch (spoken.group(2).toLowerCase(Locale.ROOT)) {
                case "minute" -> Duration.ofMinutes(amount);
                case "hour" -> Duration.ofHours(amount);
                case "day" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            return amount == 0 ? Optional.empty() : Optional.of(AccessDuration.of(length));
        }
        return AccessDuration.parse(text.toUpperCase(Locale.ROOT).equals("PERMANENT") ? "permanent" : text.toUpperCase(Locale.ROOT));
    }

    /** How a person reads a duration: {@code 6 hours}, {@code 7 days}, {@code permanent}. */
    static String spoken(AccessDuration duration) {
        Duration length = duration.length();
        if (length == null) {
            return "permanent";
        }
        if (length.toDays() > 0 && length.equals(Duration.ofDays(length.toDays()))) {
            return plural(length.toDays(), "day");
        }
        if (length.toHours() > 0 && length.equals(Duration.ofHours(length.toHours()))) {
            return plural(length.toHours(), "hour");
        }
        if (length.toMinutes() > 0 && length.equals(Duration.ofMinutes(length.toMinutes()))) {
            return plural(length.toMinutes(), "minute");
        }
        return length.toString();
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
