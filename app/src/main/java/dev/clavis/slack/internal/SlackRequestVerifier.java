package dev.clavis.slack.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Slack signs each request: {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{raw body}">}
 * with the app's signing secret. A request is believed only if that matches, compared in constant
 * time, and its timestamp is within five minutes of now (not older, not ahead): an old signed
 * request replayed is refused.
 */
@Component
@OnSlack
class SlackRequestVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Clock clock;

    SlackRequestVerifier(SlackSettings settings, Clock clock) {
        this.key = new SecretKeySpec(settings.signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** @throws Unverified saying what is wrong, without revealing what was expected */
    void verify(@Nullable String timestamp, @Nullable String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw new Unverified("X-Slack-Request-Timestamp and X-Slack-Signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new Unverified("X-Slack-Request-Timestamp is not a Unix time");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
        if (age.compareTo(TOLERANCE) > 0 || age.negated().compareTo(TOLERANCE) > 0) {
            throw new Unverified("the request's timestamp is more than five minutes from now");
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp.strip(), body))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new Unverified("the signature does not match the body");
        }
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static final class Unverified extends RuntimeException {
        Unverified(String message) {
            super(message);
        }
    }
}
