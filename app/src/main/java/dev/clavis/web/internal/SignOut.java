package dev.clavis.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After Clavis's session has ended: back to the sign-in page, by way of the provider's end-session
 * endpoint when the person signed in there and the provider has one (OpenID Connect RP-initiated
 * logout), so the next person at this browser is asked for their own password.
 */
@Component
class SignOut implements LogoutSuccessHandler {

    private final OidcProvider provider;

    SignOut(OidcProvider provider) {
        this.provider = provider;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication)
            throws IOException {
        String signInPage = ServletUriComponentsBuilder.fromContextPath(request).path("/signin").toUriString();
        String target = signInPage;
        if (authentication != null && authentication.getCredentials() instanceof String idToken) {
            target = provider.endSessionEndpoint()
                    .map(endpoint -> UriComponentsBuilder.fromUriString(endpoint)
                            .queryParam("id_token_hint", idToken)
                            .queryParam("client_id", provider.clientId())
                            .queryParam("post_logout_redirect_uri", signInPage)
                            .encode().build().toUriString())
                    .orElse(signInPage);
        }
        response.sendRedirect(target);
    }
}
