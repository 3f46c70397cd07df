package dev.clavis.provisioning.internal;

import dev.clavis.provisioning.MembershipOutcome;
import org.jspecify.annotations.Nullable;

/** What one attempt at a claimed task came to: the directory's outcome, or the error it met. */
record Attempt(ClaimedTask claim, @Nullable MembershipOutcome outcome, @Nullable RuntimeException error) {

    static Attempt confirmed(ClaimedTask claim, MembershipOutcome outcome) {
        return new Attempt(claim, outcome, null);
    }

    static Attempt erred(ClaimedTask claim, RuntimeException error) {
        return new Attempt(claim, null, error);
    }
}
