package dev.clavis.review.internal;

import dev.clavis.platform.InvalidInputException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who reviews an item: the person's manager, the owners of the item's app, the owners of the app whose
 * role maps to the item's group (the catalog is where Clavis learns who answers for a group; directories
 * do not agree on a group-owner attribute), or one named person.
 */
record ReviewerRule(Kind kind, @Nullable String email) {

    enum Kind {
        MANAGER("manager"),
        APP_OWNER("app_owner"),
        GROUP_OWNER("group_owner"),
        USER("user");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    static ReviewerRule parse(@Nullable String text) {
        String value = text == null ? "" : text.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("user:") && value.length() > "user:".length()) {
            return new ReviewerRule(Kind.USER, value.substring("user:".length()).strip().toLowerCase(Locale.ROOT));
        }
        for (Kind kind : Kind.values()) {
            if (kind != Kind.USER && kind.text.equals(value.toLowerCase(Locale.ROOT))) {
                return new ReviewerRule(kind, null);
            }
        }
        throw new InvalidInputException("reviewers", "must be manager, app_owner, group_owner or user:<email>, not '" + value + "'");
    }

    String text() {
        return kind == Kind.USER ? "user:" + email : kind.text;
    }

    /** How an item's reviewer is named in its basis, e.g. "manager" or "app owner". */
    String describe() {
        return switch (kind) {
            case MANAGER -> "manager";
            case APP_OWNER -> "app owner";
            case GROUP_OWNER -> "group owner (app owner of the group's role)";
            case USER -> "named reviewer " + email;
        };
    }
}
