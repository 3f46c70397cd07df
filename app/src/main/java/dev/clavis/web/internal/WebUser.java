package dev.clavis.web.internal;

import java.util.UUID;
import org.springframework.security.core.Authentication;

/** The signed-in person, as the console's authentication carries it. */
record WebUser(UUID personId, String email, String displayName, boolean admin, boolean auditor) {

    static final String ADMIN = "WEB_ADMIN";
    static final String AUDITOR = "WEB_AUDITOR";

    static WebUser of(Authentication authentication) {
        return (WebUser) authentication.getPrincipal();
    }
}
