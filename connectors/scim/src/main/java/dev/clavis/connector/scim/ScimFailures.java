package dev.clavis.connector.scim;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.RetryAfter;
import dev.clavis.connector.spi.TransientConnectorException;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.time.Clock;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns the server's failures into transient or permanent connector exceptions whose messages an
 * operator can act on. Messages carry the server's SCIM error ({@code status}, {@code scimType},
 * {@code detail}) but never the token: should a server echo it, it is masked.
 */
final class ScimFailures {

    private final URI baseUrl;
    private final String token;
    private final Clock clock;

    ScimFailures(URI baseUrl, String token, Clock clock) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.clock = clock;
    }

    /**
     * 429, 503 and other 5xx answers (but 501, not implemented) and 408 are transient, with the server's {@code Retry-After}; 401 and
     * 403 are permanent and say which setting or permission to look at; the rest are permanent.
     */
    ConnectorException classify(Reply reply, String action) {
        int status = reply.status();
        String said = serverSaid(reply);
        if (status == 401) {
            return new PermanentConnectorException("the SCIM server at " + baseUrl + " refused the bearer token"
                    + " (401) when asked to " + action + ": check CLAVIS_SCIM_TOKEN" + said);
        }
        if (status == 403) {
            return new PermanentConnectorException("the SCIM server at " + baseUrl + " does not let Clavis's token "
                    + action + " (403): give the token that permission" + said);
        }
        String message = "could not " + action + ": the SCIM server answered " + status + said;
        if (status == 429 || status == 408 || status >= 500 && status != 501) {
            var retryAfter = RetryAfter.parse(reply.headers().getFirst("Retry-After"), clock);
            return new TransientConnectorException(message, retryAfter.orElse(null), null);
        }
        return new PermanentConnectorException(message);
    }

    /** A request that got no answer: refused, reset or timed out connections are transient; TLS failures are not. */
    ConnectorException unanswered(IOException e, String action) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLHandshakeException || cause instanceof CertificateException) {
                return new PermanentConnectorException("could not " + action + ": TLS with the SCIM server at "
                        + baseUrl + " failed; check that its certificate is trusted and names its host", e);
            }
        }
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new TransientConnectorException("could not " + action + ": no answer from the SCIM server at "
                + baseUrl + " (" + masked(reason) + ")", e);
    }

    /** The SCIM error's scimType and detail (RFC 7644 section 3.12), where the answer is one. */
    private String serverSaid(Reply reply) {
        if (reply.json() == null) {
            return "";
        }
        var said = new StringBuilder();
        String scimType = reply.scimType();
        if (scimType != null && !scimType.isBlank()) {
            said.append(" (scimType ").append(scimType).append(")");
        }
        var detail = reply.json().path("detail");
        if (detail.isString() && !detail.stringValue().isBlank()) {
            said.append(": ").append(detail.stringValue());
        }
        return masked(said.toString());
    }

    private String masked(String text) {
        return text.replace(token, "******");
    }
}
