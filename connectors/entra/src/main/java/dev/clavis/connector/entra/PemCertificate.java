package dev.clavis.connector.entra;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a certificate credential from PEM text: the certificate (chain) and its PKCS#8 private key. */
final class PemCertificate {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemCertificate() {}

    /**
     * @throws IllegalArgumentException saying what is missing or unreadable, never showing the key
     */
    static ClientCredential.Certificate parse(String pem) {
        PrivateKey key = null;
        var chain = new ArrayList<X509Certificate>();
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PRIVATE KEY" -> key = privateKey(der);
                case "CERTIFICATE" -> chain.add(certificate(der));
                case "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
                        "holds a " + block.group(1) + "; convert it to an unencrypted PKCS#8 key"
                                + " (openssl pkcs8 -topk8 -nocrypt)");
                default -> {
                    // other blocks (e.g. EC PARAMETERS) say nothing msal4j needs
                }
            }
        }
        if (key == null || chain.isEmpty()) {
            throw new IllegalArgumentException("must hold a PEM CERTIFICATE and its PRIVATE KEY (PKCS#8)");
        }
        return new ClientCredential.Certificate(key, List.copyOf(chain));
    }

    /** Entra ID signs client assertions with RS256, so only RSA keys will do. */
    private static PrivateKey privateKey(byte[] der) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("holds a PRIVATE KEY that is not an RSA PKCS#8 key; Entra ID"
                    + " certificate credentials are RSA");
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("holds a CERTIFICATE that cannot be read: " + e.getMessage());
        }
    }
}
