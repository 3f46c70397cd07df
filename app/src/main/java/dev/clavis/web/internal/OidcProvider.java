package dev.clavis.web.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The company's OpenID Connect provider, from {@code CLAVIS_WEB_OIDC_*}. Its settings are read from its
 * discovery document at the first sign-in rather than at start, so Clavis (and its API and chat apps)
 * starts while the provider is down; a failed read is tried again at the next sign-in.
 */
@Component
class OidcProvider {

    static final String REGISTRATION_ID = "oidc";
    /** Where the sign-in button sends the browser; Spring Security's filter takes it from there. */
    static final String AUTHORIZATION_BASE = "/signin/oidc/authorize";
    /** Where the provider sends the browser back; the redirect URI to register at the provider. */
    static final String CALLBACK = "/signin/oidc/callback";

    private static final Logger log = LoggerFactory.getLogger(OidcProvider.class);

    private final WebSettings.Oidc settings;
    private final ClientRegistrationRepository registrations;

    OidcProvider(WebSettings settings) {
        this.settings = settings.oidc();
        this.registrations = new SupplierClientRegistrationRepository(
                () -> new InMemoryClientRegistrationRepository(discover()));
    }

    boolean enabled() {
        return settings.enabled();
    }

    String displayName() {
        return settings.displayName();
    }

    boolean requireVerifiedEmail() {
        return settings.requireVerifiedEmail();
    }

    ClientRegistrationRepository registrations() {
        return registrations;
    }

    /** Whether the provider's settings could be read (once read, they are kept). */
    boolean answers() {
        try {
            registrations.findByRegistrationId(REGISTRATION_ID);
            return true;
        } catch (RuntimeException e) {
            log.warn("OpenID Connect provider {} does not answer: {}", settings.issuerUri(), e.getMessage());
            return false;
        }
    }

    /** Where the provider ends its own session (RP-initiated logout), if it says so in its discovery document. */
    Optional<String> endSessionEndpoint() {
        if (!enabled() || !answers()) {
            return Optional.empty();
        }
        Object endpoint = registrations.findByRegistrationId(REGISTRATION_ID).getProviderDetails()
                .getConfigurationMetadata().get("end_session_endpoint");
        return endpoint instanceof String url && !url.isBlank() ? Optional.of(url) : Optional.empty();
    }

    /**
     * The provider's origin ({@code https://login.example.com}), which the console's CSP lets forms lead to:
     * sign-out is a form whose answer redirects to the provider's end-session endpoint, on the issuer's host.
     */
    Optional<String> origin() {
        if (!enabled()) {
            return Optional.empty();
        }
        URI issuer = webUrl(settings.issuerUri().strip()).orElseThrow(() -> new IllegalStateException(
                "CLAVIS_WEB_OIDC_ISSUER_URI is '" + settings.issuerUri()
                        + "'; it must be the provider's issuer URL, e.g. https://login.example.com/realms/acme"));
        return Optional.of(issuer.getScheme() + "://" + issuer.getRawAuthority());
    }

    String clientId() {
        return settings.clientId();
    }

    private static Optional<URI> webUrl(String value) {
        try {
            URI uri = new URI(value);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return web && uri.getRawAuthority() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private ClientRegistration discover() {
        return ClientRegistrations.fromIssuerLocation(settings.issuerUri().strip())
                .registrationId(REGISTRATION_ID)
                .clientId(settings.clientId().strip())
                .clientSecret(settings.clientSecretValue())
                .scope(settings.scopes())
                .clientName(settings.displayName())
                .redirectUri("{baseUrl}" + CALLBACK)
                .build();
    }
}
