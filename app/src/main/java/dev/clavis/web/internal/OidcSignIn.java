package dev.clavis.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What Clavis adds to Spring Security's OpenID Connect login: the provider's verified email must be an
 * active person in the directory; that person becomes the console's {@link WebUser}, exactly as the demo
 * sign-in makes it; anyone else is shown why and gets no session.
 */
@Component
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser>, AuthenticationSuccessHandler,
        AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    private final OidcUserService provider = new OidcUserService();
    private final WebSignIn signIn;
    private final OidcProvider settings;

    OidcSignIn(WebSignIn signIn, OidcProvider settings) {
        this.signIn = signIn;
        this.settings = settings;
    }

    /** Runs once the ID token's signature, issuer, audience and nonce have been checked. */
    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser proven = provider.loadUser(request);
        String email = proven.getEmail();
        if (email == null || email.isBlank()) {
            throw refused(SignInRefusal.NO_EMAIL, proven.getSubject());
        }
        if (settings.requireVerifiedEmail() && !Boolean.TRUE.equals(proven.getEmailVerified())) {
            throw refused(SignInRefusal.UNVERIFIED, email);
        }
        try {
            return new PersonOidcUser(proven, signIn.userFor(email));
        } catch (SignInRefusedException e) {
            throw refused(e.refusal(), email);
        }
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        var person = (PersonOidcUser) authentication.getPrincipal();
        signIn.start(person.user, person.getIdToken().getTokenValue(), request, response);
        response.sendRedirect(request.getContextPath() + "/portal");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        SignInRefusal refusal = exception instanceof OAuth2AuthenticationException oauth
                ? SignInRefusal.ofCode(oauth.getError().getErrorCode()).orElse(SignInRefusal.FAILED)
                : SignInRefusal.FAILED;
        if (refusal == SignInRefusal.FAILED) {
            log.warn("OpenID Connect sign-in failed: {}", exception.getMessage());
        }
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/signin?refused=" + refusal.code());
    }

    private static OAuth2AuthenticationException refused(SignInRefusal refusal, String who) {
        log.info("OpenID Connect sign-in of {} refused: {}", who, refusal.code());
        return new OAuth2AuthenticationException(new OAuth2Error(refusal.code()), refusal.message());
    }

    /** The provider's user, carrying the directory person they are, until the success handler signs them in. */
    private static final class PersonOidcUser extends DefaultOidcUser {

        private final transient WebUser user;

        PersonOidcUser(OidcUser proven, WebUser user) {
            super(user.authorities(), proven.getIdToken(), proven.getUserInfo(), IdTokenClaimNames.SUB);
            this.user = user;
        }
    }
}
