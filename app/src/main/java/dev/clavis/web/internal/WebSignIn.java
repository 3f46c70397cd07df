package dev.clavis.web.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.directory.PersonStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a directory person in to the console, the same way whichever way they proved their email (the
 * demo page or the company's OpenID Connect provider): an active person by email, admin and auditor by
 * directory group, a new session id, and the session's timeouts.
 */
@Component
class WebSignIn {

    /** When the person signed in, in epoch milliseconds: the absolute timeout counts from here. */
    static final String SIGNED_IN_AT = WebSignIn.class.getName() + ".signedInAt";

    private final Directory directory;
    private final WebSettings settings;
    private final HttpSessionSecurityContextRepository contexts;

    WebSignIn(Directory directory, WebSettings settings, HttpSessionSecurityContextRepository contexts) {
        this.directory = directory;
        this.settings = settings;
        this.contexts = contexts;
    }

    /**
     * The console's user for the person with this email, case-insensitive.
     *
     * @throws SignInRefusedException when no active person has it
     */
    WebUser userFor(String email) {
        Person person = directory.personByEmail(email.strip())
                .orElseThrow(() -> new SignInRefusedException(SignInRefusal.UNKNOWN));
        if (person.status() != PersonStatus.ACTIVE) {
            throw new SignInRefusedException(SignInRefusal.DEPARTED);
        }
        Set<String> groups = directory.groupNamesOf(person.id());
        return new WebUser(person.id(), person.email(), person.displayName(),
                groups.contains(settings.adminGroup()), groups.contains(settings.auditorGroup()));
    }

    /**
     * Makes {@code user} the signed-in person of this browser, in a session with a new id.
     *
     * @param idToken the provider's ID token, kept to end the provider's session at sign-out; null for demo sign-in
     */
    void start(WebUser user, @Nullable String idToken, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, idToken, user.authorities()));
        request.getSession(true);
        request.changeSessionId();
        var session = request.getSession();
        session.setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
        session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
