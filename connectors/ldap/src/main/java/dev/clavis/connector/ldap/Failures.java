package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import java.security.cert.CertificateException;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns every {@link LDAPException} into a transient or permanent connector exception whose message an
 * operator can act on. Messages name the bind DN and the operation, never the password.
 */
final class Failures {

    /**
     * Answers where waiting can help: the server is unreachable, overloaded or slow, or the connection
     * broke. Result 11 (adminLimitExceeded) is not among them: the same request meets the same limit.
     */
    private static final Set<ResultCode> TRANSIENT = Set.of(
            ResultCode.TIME_LIMIT_EXCEEDED,
            ResultCode.BUSY,
            ResultCode.UNAVAILABLE,
            ResultCode.SERVER_DOWN,
            ResultCode.LOCAL_ERROR,
            ResultCode.DECODING_ERROR,
            ResultCode.TIMEOUT,
            ResultCode.CONNECT_ERROR);

    private final String bindDn;

    Failures(String bindDn) {
        this.bindDn = bindDn;
    }

    /**
     * @param action what was being done, completing "could not ...", e.g. {@code read uid=ann,ou=people}
     */
    ConnectorException classify(LDAPException e, String action) {
        ResultCode code = e.getResultCode();
        String said = serverSaid(e);
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return new PermanentConnectorException("the directory refused the bind as " + bindDn
                    + ": check CLAVIS_LDAP_BIND_DN and CLAVIS_LDAP_PASSWORD" + said, e);
        }
        if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return new PermanentConnectorException("the directory does not let " + bindDn + " " + action
                    + ": grant it that right" + said, e);
        }
        if (code == ResultCode.SIZE_LIMIT_EXCEEDED) {
            return new PermanentConnectorException("could not " + action + ": the directory stopped at its size"
                    + " limit; let " + bindDn + " read without one (OpenLDAP: limits dn.exact=\"" + bindDn
                    + "\" size=unlimited)" + said, e);
        }
        if (isTlsFailure(e)) {
            return new PermanentConnectorException("could not " + action + ": TLS with the directory failed;"
                    + " check trust-store, and that the host name in the url is in the server's certificate" + said, e);
        }
        String message = "could not " + action + ": " + code.getName() + " (" + code.intValue() + ")" + said;
        return TRANSIENT.contains(code)
                ? new TransientConnectorException(message, e)
                : new PermanentConnectorException(message, e);
    }

    private static boolean isTlsFailure(LDAPException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLHandshakeException || cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** The server's diagnostic message, or for failures on this side the SDK's explanation. */
    private static String serverSaid(LDAPException e) {
        String text = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
        return text == null || text.isBlank() || text.equalsIgnoreCase(e.getResultCode().getName())
                ? ""
                : "; " + text;
    }
}
