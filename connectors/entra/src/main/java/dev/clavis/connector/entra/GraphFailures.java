package dev.clavis.connector.entra;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Turns Graph's answers and transport failures into connector exceptions, from Graph's own signals: 429
 * and 503 carry {@code Retry-After}; other 5xx and timeouts are transient; 401 and 403 are permanent and
 * say which setting or permission to fix. Messages carry Graph's error code and message, which never
 * include the token or the client's credential.
 */
final class GraphFailures {

    private final EntraSettings settings;

    GraphFailures(EntraSettings settings) {
        this.settings = settings;
    }

    ConnectorException classify(GraphResponse response, GraphAction action) {
        String said = " (" + response.status() + (response.errorCode().isEmpty() ? "" : " " + response.errorCode())
                + (response.errorMessage().isEmpty() ? "" : ": " + response.errorMessage()) + ")";
        int status = response.status();
        if (status == 429 || status == 503) {
            return new TransientConnectorException("Graph is throttling or busy; could not " + action.description()
                    + said + retryText(response.retryAfter()), response.retryAfter(), null);
        }
        if (status >= 500) {
            return new TransientConnectorException("Graph failed to " + action.description() + said,
                    response.retryAfter(), null);
        }
        if (status == 401) {
            return new PermanentConnectorException("Graph refused the access token of app " + settings.clientId()
                    + " while trying to " + action.description() + said + ". Check CLAVIS_ENTRA_TENANT_ID and"
                    + " CLAVIS_ENTRA_CLIENT_ID, and that graph-base-url and authority-url belong to the same cloud");
        }
        if (status == 403) {
            return new PermanentConnectorException("app " + settings.clientId() + " may not "
                    + action.description() + said + ": grant it the application permission "
                    + action.permission() + " and an administrator's consent in the app registration");
        }
        return new PermanentConnectorException("could not " + action.description() + said);
    }

    ConnectorException transport(IOException failure, GraphAction action) {
        if (failure instanceof HttpTimeoutException) {
            return new TransientConnectorException("Graph at " + settings.graphBaseUrl().getHost()
                    + " did not answer within " + settings.requestTimeout() + " while trying to "
                    + action.description(), failure);
        }
        return new TransientConnectorException("could not reach Graph at " + settings.graphBaseUrl().getHost()
                + " to " + action.description() + ": " + failure, failure);
    }

    private static String retryText(@Nullable Duration retryAfter) {
        return retryAfter == null ? "" : "; it asked to wait " + retryAfter.toSeconds() + " s";
    }
}
