package dev.clavis.review.internal;

import dev.clavis.platform.InvalidInputException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What happens to an item nobody decided by the deadline. */
enum UndecidedRule {
    /** Recorded as Keep, by the rule. */
    KEEP,
    /** Recorded as Revoke, by the rule, and carried out. */
    REVOKE,
    /** Moved to the fallback reviewer for the escalation period; still undecided after that, left in place and reported. */
    ESCALATE;

    static UndecidedRule parse(@Nullable String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("onNoDecision", "must be keep, revoke or escalate, not '" + text + "'");
        }
    }

    String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
