package dev.clavis.connector.okta;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How the connector proves who it is to Okta. Nothing here ever prints a token or a key. */
final class OktaCredentials {

    private OktaCredentials() {}

    /** The credentials as configured. */
    sealed interface Source permits ApiToken, ServiceApp {}

    /** An API token, sent as {@code Authorization: SSWS <token>}; it acts with its creator's admin rights. */
    record ApiToken(String token) implements Source {

        String authorization() {
            return "SSWS " + token;
        }

        @Override
        public String toString() {
            return "api-token=******";
        }
    }

    /**
     * An OAuth 2.0 service app: the connector signs a short-lived client assertion with the app's private
     * key (RFC 7523) and trades it at the org authorization server for an access token with the scopes.
     */
    record ServiceApp(String clientId, PrivateKey privateKey, @Nullable String keyId, String scopes)
            implements Source {

        /** How long a client assertion is valid; Okta accepts at most an hour. */
        private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

        /**
         * @param key a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) or an RSA JWK in JSON, as Okta's
         *     admin console shows a generated key
         * @throws IllegalArgumentException saying what is wrong with the key, without showing it
         */
        static ServiceApp of(String clientId, String key, @Nullable String keyId, String scopes) {
            String text = key.strip();
            if (text.startsWith("{")) {
                try {
                    JWK jwk = JWK.parse(text);
                    if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                        throw new IllegalArgumentException("'private-key' must be an RSA private key; the JWK given is"
                                + " a " + jwk.getKeyType() + (jwk.isPrivate() ? "" : " public") + " key");
                    }
                    return new ServiceApp(clientId, rsa.toPrivateKey(), keyId != null ? keyId : rsa.getKeyID(),
                            scopes);
                } catch (ParseException | JOSEException e) {
                    throw new IllegalArgumentException("'private-key' looks like a JWK but cannot be read as one");
                }
            }
            return new ServiceApp(clientId, pkcs8(text), keyId, scopes);
        }

        private static PrivateKey pkcs8(String pem) {
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalArgumentException("'private-key' must be an RSA key as PKCS#8 PEM (-----BEGIN PRIVATE"
                        + " KEY-----; convert with openssl pkcs8 -topk8 -nocrypt) or as a JWK in JSON");
            }
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                        .decode(base64)));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("'private-key' is PEM but not an unencrypted PKCS#8 RSA private key");
            }
        }

        /** A client assertion for the token endpoint, signed RS256. */
        String clientAssertion(URI tokenEndpoint, Instant now) {
            var claims = new JWTClaimsSet.Builder()
                    .issuer(clientId)
                    .subject(clientId)
                    .audience(tokenEndpoint.toString())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build();
            var jwt = new SignedJWT(header, claims);
            try {
                jwt.sign(new RSASSASigner(privateKey));
            } catch (JOSEException e) {
                throw new IllegalStateException("could not sign the client assertion with the service app's key", e);
            }
            return jwt.serialize();
        }

        @Override
        public String toString() {
            return "client-id=" + clientId + ", private-key=******" + (keyId == null ? "" : ", key-id=" + keyId)
                    + ", scopes=" + scopes;
        }
    }
}
