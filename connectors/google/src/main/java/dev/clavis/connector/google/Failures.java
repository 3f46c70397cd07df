package dev.clavis.connector.google;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import java.net.http.HttpTimeoutException;
import java.util.Set;

/**
 * Turns Google's answers into transient or permanent connector exceptions, from Google's own signals:
 * the status and the reason in its error body. Messages say what failed and what to check, quoting
 * Google's message, which never holds a credential; tokens and keys are never put in them.
 */
final class Failures {

    /**
     * Reasons Google gives with a 403 when the caller went too fast or spent a quota, as its guide to
     * Directory API errors names them; every other 403 is a refusal.
     */
    private static final Set<String> RATE_LIMIT_REASONS =
            Set.of("userRateLimitExceeded", "rateLimitExceeded", "quotaExceeded", "dailyLimitExceeded");

    private final String adminEmail;
    private final String clientId;

    Failures(String adminEmail, String clientId) {
        this.adminEmail = adminEmail;
        this.clientId = clientId;
    }

    /**
     * @param action what was attempted, completing "could not ...", e.g. {@code list users}
     */
    ConnectorException of(Response response, String action) {
        int status = response.status();
        String said = said(response);
        if (status == 429 || (status == 403 && RATE_LIMIT_REASONS.contains(response.reason()))) {
            return new TransientConnectorException(
                    "Google is rate limiting " + adminEmail + "; could not " + action + ": " + said,
                    response.retryAfter().orElse(null), null);
        }
        if (status >= 500) {
            return new TransientConnectorException(
                    "Google failed to answer; could not " + action + ": " + said,
                    response.retryAfter().orElse(null), null);
        }
        if (status == 401) {
            return new PermanentConnectorException("Google did not accept the access token of service account"
                    + " client " + clientId + "; could not " + action + ": " + said
                    + ". Check that the key has not been deleted or disabled in Google Cloud.");
        }
        if (status == 403) {
            return new PermanentConnectorException("Google refused " + adminEmail + "; could not " + action + ": "
                    + said + ". " + adminEmail + " must be an administrator allowed to manage users and groups,"
                    + " and the Admin SDK API must be enabled in the service account's Google Cloud project.");
        }
        return new PermanentConnectorException("Google refused the request; could not " + action + ": " + said);
    }

    /** No answer arrived: a timeout or a broken connection. A write may still have been applied. */
    TransientConnectorException unanswered(Exception e, String action) {
        String what = e instanceof HttpTimeoutException ? "Google did not answer in time" : "Google could not be reached ("
                + e.getClass().getSimpleName() + ")";
        return new TransientConnectorException(what + "; could not " + action, e);
    }

    /** What the service account must be granted, for messages about refused delegation. */
    String delegationAdvice() {
        return "In the Admin console (Security > Access and data control > API controls > Domain-wide"
                + " delegation), client id " + clientId + " must be authorized for "
                + String.join(",", GoogleSettings.SCOPES) + ", and " + adminEmail
                + " must be an active user of the domain.";
    }

    private static String said(Response response) {
        String reason = response.reason();
        String message = response.message();
        return response.status() + (reason.isEmpty() ? "" : " " + reason)
                + (message.isEmpty() ? "" : " \"" + message + "\"");
    }
}
