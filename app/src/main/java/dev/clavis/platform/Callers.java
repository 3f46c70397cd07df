package dev.clavis.platform;

import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request. */
public final class Callers {

    private Callers() {}

    /** @throws IllegalStateException outside an authenticated request */
    public static Caller current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("no authenticated caller");
    }
}
