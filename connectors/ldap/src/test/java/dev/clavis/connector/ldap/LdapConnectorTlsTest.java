package dev.clavis.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against in-memory directories that present self-signed certificates made for the test. */
class LdapConnectorTlsTest {

    private static final String STORE_PASSWORD = "store-secret";

    @TempDir
    static Path dir;

    private static Path localhost;
    private static Path elsewhere;

    @BeforeAll
    static void makeCertificates() {
        localhost = certificate("localhost.p12", "localhost");
        elsewhere = certificate("elsewhere.p12", "elsewhere.test");
    }

    @Test
    void ldapsToADirectoryWhoseCertificateIsInTheTrustStoreWorks() throws Exception {
        try (var acme = InMemoryAcme.openLdap(ldaps(localhost));
                var connector = connector("ldaps://localhost:" + acme.admin().getListenPort(), localhost, false)) {
            assertThatCode(connector::verify).doesNotThrowAnyException();
        }
    }

    @Test
    void startTlsUpgradesAPlainConnectionBeforeBinding() throws Exception {
        try (var acme = InMemoryAcme.openLdap(startTls(localhost));
                var connector = connector("ldap://localhost:" + acme.admin().getListenPort(), localhost, true)) {
            assertThatCode(connector::verify).doesNotThrowAnyException();
        }
        try (var plainOnly = InMemoryAcme.openLdap();
                var connector = connector(plainOnly.url(), localhost, true)) {
            assertThatThrownBy(connector::verify).isInstanceOf(PermanentConnectorException.class);
        }
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsRefusedPermanently() throws Exception {
        try (var acme = InMemoryAcme.openLdap(ldaps(localhost));
                var connector = connector("ldaps://localhost:" + acme.admin().getListenPort(), null, false)) {
            assertThatThrownBy(connector::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("check trust-store");
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedPermanently() throws Exception {
        try (var acme = InMemoryAcme.openLdap(ldaps(elsewhere));
                var connector = connector("ldaps://localhost:" + acme.admin().getListenPort(), elsewhere, false)) {
            assertThatThrownBy(connector::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("host name");
        }
    }

    private static DirectoryConnector connector(String url, Path trustStore, boolean startTls) {
        Map<String, String> settings = Acme.settings(url);
        if (trustStore != null) {
            settings.put("trust-store", trustStore.toString());
            settings.put("trust-store-password", STORE_PASSWORD);
        }
        settings.put("start-tls", Boolean.toString(startTls));
        return Acme.connector(settings);
    }

    private static InMemoryListenerConfig ldaps(Path keyStore) throws Exception {
        SSLUtil ssl = serverSsl(keyStore);
        return InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                ssl.createSSLServerSocketFactory(), ssl.createSSLSocketFactory());
    }

    private static InMemoryListenerConfig startTls(Path keyStore) throws Exception {
        return InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                serverSsl(keyStore).createSSLSocketFactory());
    }

    private static SSLUtil serverSsl(Path keyStore) throws Exception {
        return new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), STORE_PASSWORD.toCharArray(), "PKCS12", "server"),
                new TrustAllTrustManager());
    }

    private static Path certificate(String file, String host) {
        Path keyStore = dir.resolve(file);
        var output = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, output, output, "generate-self-signed-certificate",
                "--keystore", keyStore.toString(), "--keystore-password", STORE_PASSWORD, "--keystore-type", "PKCS12",
                "--alias", "server", "--subject-dn", "CN=" + host, "--subject-alternative-name-dns", host,
                "--key-algorithm", "EC", "--key-size-bits", "256", "--signature-algorithm", "SHA256withECDSA");
        assertThat(result).as(output.toString()).isEqualTo(ResultCode.SUCCESS);
        return keyStore;
    }
}
