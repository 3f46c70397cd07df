package dev.clavis.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clavis.web.*}, from {@code CLAVIS_WEB_*}.
 *
 * @param idleTimeout a session unused this long ends
 * @param absoluteTimeout a session ends this long after sign-in, however busy
 * @param adminGroup directory group whose members see the admin pages
 * @param auditorGroup directory group whose members see the audit trail and the dashboard, read only
 * @param demoPeople whom the demo sign-in page offers to act as, by email
 * @param oidc sign-in with the company's OpenID Connect provider
 */
@ConfigurationProperties("clavis.web")
record WebSettings(
        @DefaultValue("PT30M") Duration idleTimeout,
        @DefaultValue("PT8H") Duration absoluteTimeout,
        @DefaultValue("clavis-admins") String adminGroup,
        @DefaultValue("clavis-auditors") String auditorGroup,
        @DefaultValue({"sam.taylor@acme.test", "maria.lopez@acme.test", "chloe.dubois@acme.test", "priya.shah@acme.test",
            "daniel.kim@acme.test"})
        List<String> demoPeople,
        @DefaultValue Oidc oidc) {

    /**
     * {@code CLAVIS_WEB_OIDC_*}: any provider that publishes its settings at
     * {@code <issuer>/.well-known/openid-configuration} (Okta, Entra ID, Google, Keycloak).
     *
     * @param issuerUri the provider's issuer, e.g. {@code https://login.example.com/realms/acme}; blank turns OIDC sign-in off
     * @param clientSecretFile a file holding the client secret; a secret given directly wins
     * @param displayName the provider's name on the sign-in button ("Sign in with Okta")
     * @param requireVerifiedEmail refuse an ID token whose {@code email_verified} is not true; turn off only
     *     for a provider that does not send the claim and whose emails the company itself assigns (Entra ID)
     */
    record Oidc(
            @DefaultValue("") String issuerUri,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("") String clientSecretFile,
            @DefaultValue({"openid", "email", "profile"}) List<String> scopes,
            @DefaultValue("your company account") String displayName,
            @DefaultValue("true") boolean requireVerifiedEmail) {

        boolean enabled() {
            return !issuerUri.isBlank();
        }

        String clientSecretValue() {
            if (!clientSecret.isBlank() || clientSecretFile.isBlank()) {
                return clientSecret.strip();
            }
            try {
                return Files.readString(Path.of(clientSecretFile.strip()), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read CLAVIS_WEB_OIDC_CLIENT_SECRET_FILE " + clientSecretFile, e);
            }
        }

        /** Leaves the secret out, so printing the settings never prints it. */
        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", scopes=" + scopes + ", displayName="
                    + displayName + ", requireVerifiedEmail=" + requireVerifiedEmail + "]";
        }
    }
}
