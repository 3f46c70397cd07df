package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLSocketVerifier;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLSocket;

/**
 * Checks that the server's certificate names the host in the url (wildcards allowed). A mismatch is
 * marked with a {@link CertificateException} cause so that {@link Failures} reports it as permanent:
 * the SDK's own verifier reports it as a connect error, which would read as transient.
 */
final class HostNameVerifier extends SSLSocketVerifier {

    private final HostNameSSLSocketVerifier verifier = new HostNameSSLSocketVerifier(true);

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
        try {
            verifier.verifySSLSocket(host, port, socket);
        } catch (LDAPException e) {
            throw new LDAPException(e.getResultCode(), e.getMessage(), new CertificateException(e.getMessage(), e));
        }
    }
}
