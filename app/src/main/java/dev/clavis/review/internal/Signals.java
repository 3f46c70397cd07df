package dev.clavis.review.internal;

import dev.clavis.directory.PersonStatus;
import dev.clavis.review.ReviewViews.Suggestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What suggests a decision: a person who left, is suspended, never signed in, or has not signed in for
 * the configured number of days. The same rule answers one item's view and filters a page of items in SQL.
 */
@Component
class Signals {

    private final ReviewSettings settings;
    private final Clock clock;

    Signals(ReviewSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    List<String> flags(PersonStatus status, @Nullable Instant lastLoginAt) {
        var flags = new ArrayList<String>();
        if (status == PersonStatus.DEPARTED) {
            flags.add("left: no longer in the directory");
        } else if (status == PersonStatus.SUSPENDED) {
            flags.add("suspended in the directory");
        }
        if (lastLoginAt == null) {
            flags.add("never signed in");
        } else {
            long days = Duration.between(lastLoginAt, clock.instant()).toDays();
            if (days >= settings.inactiveDays()) {
                flags.add("not signed in for " + days + " days");
            }
        }
        return flags;
    }

    static Suggestion suggestion(@Nullable Instant lastLoginAt, List<String> flags) {
        if (!flags.isEmpty()) {
            return new Suggestion("revoke", String.join("; ", flags));
        }
        return new Suggestion("keep", "active, and signed in at " + lastLoginAt);
    }

    /**
     * The SQL condition, over person {@code p}, under which {@link #flags} raises at least one flag;
     * it takes the parameter {@code :inactiveSince}.
     */
    static final String REVOKE_SUGGESTED =
            "(p.status <> 'ACTIVE' or p.last_login_at is null or p.last_login_at <= :inactiveSince)";

    /** The instant before which a last sign-in counts as inactive, for {@link #REVOKE_SUGGESTED}. */
    Instant inactiveSince() {
        return clock.instant().minus(Duration.ofDays(settings.inactiveDays()));
    }
}
