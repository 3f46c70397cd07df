package dev.clavis.connector.google;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service account key made for a test, in the JSON format Google Cloud issues, with its public half
 * kept so the simulator's token endpoint can check the assertions signed with it.
 */
record ServiceAccountKey(String clientEmail, String clientId, String privateKeyId, RSAPublicKey publicKey,
        String json) {

    /** One RSA key pair for the whole test run: making one takes long on a busy machine, and no test needs two. */
    private static final KeyPair PAIR = generate();

    static ServiceAccountKey create(String clientEmail, String clientId, String tokenUri) {
        KeyPair pair = PAIR;
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String privateKeyId = "5d1f0c3a9b7e4d2c8a6f1e0b9c8d7a6f5e4d3c2b";
        var key = JsonMapper.shared().createObjectNode()
                .put("type", "service_account")
                .put("project_id", "clavis-test")
                .put("private_key_id", privateKeyId)
                .put("private_key", pem)
                .put("client_email", clientEmail)
                .put("client_id", clientId)
                .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                .put("token_uri", tokenUri)
                .put("universe_domain", "googleapis.com");
        return new ServiceAccountKey(clientEmail, clientId, privateKeyId, (RSAPublicKey) pair.getPublic(),
                key.toString());
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A piece of the private key that must never appear in a message. */
    String privateKeyFragment() {
        String pem = JsonMapper.shared().readTree(json).path("private_key").asString();
        return pem.lines().skip(3).findFirst().orElseThrow();
    }
}
