package dev.clavis.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private static final String BIND_DN = "cn=clavis,ou=services,dc=acme,dc=test";

    private final Failures failures = new Failures(BIND_DN);

    @ParameterizedTest
    @ValueSource(ints = {3, 51, 52, 81, 82, 84, 85, 91})
    void anUnreachableBusyOrSlowDirectoryIsTransient(int resultCode) {
        ConnectorException failure = classify(resultCode, "the server said no");

        assertThat(failure).isInstanceOf(TransientConnectorException.class);
        assertThat(failure.getMessage()).contains("could not read people", "the server said no");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 11, 12, 19, 21, 32, 53, 64, 65, 68, 80})
    void everyOtherAnswerIsPermanent(int resultCode) {
        assertThat(classify(resultCode, "no")).isInstanceOf(PermanentConnectorException.class);
    }

    @Test
    void aRefusedBindNamesTheBindDnAndTheSettingsToCheck() {
        assertThat(classify(49, "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e"))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageStartingWith("the directory refused the bind as " + BIND_DN
                        + ": check CLAVIS_LDAP_BIND_DN and CLAVIS_LDAP_PASSWORD");
    }

    @Test
    void missingRightsNameTheBindDnAndTheOperation() {
        assertThat(failures.classify(new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "no write access"),
                        "add uid=ann,ou=people,dc=acme,dc=test to cn=vpn,ou=groups,dc=acme,dc=test"))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("does not let " + BIND_DN
                        + " add uid=ann,ou=people,dc=acme,dc=test to cn=vpn,ou=groups,dc=acme,dc=test");
    }

    @Test
    void aSizeLimitExplainsHowToLiftIt() {
        assertThat(classify(4, "size limit exceeded"))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("limits dn.exact=\"" + BIND_DN + "\" size=unlimited");
    }

    @Test
    void anUntrustedCertificateIsPermanentBecauseWaitingCannotFixIt() {
        var failure = new LDAPException(ResultCode.CONNECT_ERROR, "handshake failed",
                new SSLHandshakeException("PKIX path building failed"));

        assertThat(failures.classify(failure, "connect")).isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("check trust-store");
    }

    private ConnectorException classify(int resultCode, String diagnostic) {
        var failure = new LDAPException(ResultCode.valueOf(resultCode), diagnostic, null, null, null, null);
        return failures.classify(failure, "read people");
    }
}
