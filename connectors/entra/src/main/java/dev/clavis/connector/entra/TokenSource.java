package dev.clavis.connector.entra;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.InvalidSettingsException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * App-only access tokens for Graph from msal4j's client credentials flow. msal4j keeps each token in its
 * cache until shortly before it expires, so asking for one per request costs a call to Entra ID only when
 * the token is due for renewal.
 */
final class TokenSource {

    private final EntraSettings settings;
    private final ConfidentialClientApplication app;
    private final ClientCredentialParameters parameters;

    TokenSource(EntraSettings settings) {
        this.settings = settings;
        this.parameters = ClientCredentialParameters.builder(Set.of(settings.graphScope())).build();
        try {
            this.app = ConfidentialClientApplication.builder(settings.clientId(), msalCredential(settings.credential()))
                    .authority(settings.authority().toString())
                    // the authority is a setting: trust it as given rather than asking login.microsoftonline.com
                    // to vouch for it, which a national cloud or a simulator would fail
                    .validateAuthority(false)
                    .instanceDiscovery(false)
                    // connectors classify errors and the platform retries; msal4j must not retry on its own
                    .disableInternalRetries()
                    .sslSocketFactory(settings.tls().getSocketFactory())
                    .connectTimeoutForDefaultHttpClient(Math.toIntExact(settings.connectTimeout().toMillis()))
                    .readTimeoutForDefaultHttpClient(Math.toIntExact(settings.requestTimeout().toMillis()))
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new InvalidSettingsException(EntraSettings.TYPE,
                    List.of("'authority-url' with tenant-id does not make a sign-in authority msal4j accepts: "
                            + settings.authority() + " (" + e.getMessage() + ")"));
        }
    }

    /** A current access token for Graph; never logged or put in a message. */
    String accessToken() {
        try {
            return app.acquireToken(parameters)
                    .get(settings.requestTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
                    .accessToken();
        } catch (ExecutionException e) {
            throw classify(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new TransientConnectorException("Entra ID at " + settings.authority() + " did not issue a token"
                    + " within " + settings.requestTimeout().multipliedBy(2), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientConnectorException("interrupted while waiting for a token from Entra ID", e);
        }
    }

    private ConnectorException classify(Throwable failure) {
        String app = "app " + settings.clientId() + " in tenant " + settings.tenantId();
        if (failure instanceof MsalServiceException service) {
            int status = service.statusCode();
            String said = firstLine(service.getMessage());
            if (status == 429 || status >= 500) {
                return new TransientConnectorException("Entra ID could not issue a token for " + app + " now ("
                        + status + " " + service.errorCode() + "): " + said, failure);
            }
            return new PermanentConnectorException("Entra ID refused to issue a token for " + app + " ("
                    + service.errorCode() + "): " + said + ". Check CLAVIS_ENTRA_TENANT_ID, CLAVIS_ENTRA_CLIENT_ID"
                    + " and that the client secret or certificate is the app registration's and has not expired",
                    failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return new TransientConnectorException("could not reach Entra ID at " + settings.authority()
                        + " for a token: " + cause.getMessage(), failure);
            }
        }
        return new PermanentConnectorException("could not get a token for " + app + " from "
                + settings.authority() + ": " + firstLine(failure.getMessage()), failure);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static IClientCredential msalCredential(ClientCredential credential) {
        if (credential instanceof ClientCredential.Certificate certificate) {
            return ClientCredentialFactory.createFromCertificateChain(certificate.key(), certificate.chain());
        }
        return ClientCredentialFactory.createFromSecret(((ClientCredential.Secret) credential).value());
    }
}
