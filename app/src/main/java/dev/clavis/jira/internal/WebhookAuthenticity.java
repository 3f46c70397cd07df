package dev.clavis.jira.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Whether a delivery comes from our Jira: an HMAC-SHA256 of the raw body with the shared secret in
 * {@code X-Hub-Signature: sha256=<hex>} (Cloud, and Data Center 10 when given a secret), or, for
 * Data Center webhooks that cannot sign, the secret as the last segment of the URL. Both comparisons
 * take the same time however much of the value is right.
 */
final class WebhookAuthenticity {

    private static final String PREFIX = "sha256=";

    private WebhookAuthenticity() {}

    static boolean signedWith(String secret, byte[] body, @Nullable String signatureHeader) {
        if (secret.isEmpty() || signatureHeader == null || !signatureHeader.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.strip().substring(PREFIX.length()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Compares digests, not the strings, so the time taken does not even tell the secret's length. */
    static boolean sameToken(String secret, @Nullable String token) {
        return !secret.isEmpty() && token != null && MessageDigest.isEqual(sha256(secret), sha256(token));
    }

    static String signature(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
