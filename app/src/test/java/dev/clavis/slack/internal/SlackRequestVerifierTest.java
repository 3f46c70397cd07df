package dev.clavis.slack.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SlackRequestVerifierTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final byte[] BODY = "token=x&command=%2Frequest&text=github+admin+6h".getBytes(StandardCharsets.UTF_8);

    private final SlackRequestVerifier verifier = new SlackRequestVerifier(
            new SlackSettings("xoxb-1", SECRET, "https://slack.com/api/", Duration.ofSeconds(1), Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRequestSignedWithTheSecretNowIsBelieved() {
        String ts = Long.toString(NOW.getEpochSecond());
        assertThatCode(() -> verifier.verify(ts, sign(SECRET, ts, BODY), BODY)).doesNotThrowAnyException();
    }

    @Test
    void aSignatureOverAnotherBodyOrWithAnotherSecretIsRefused() {
        String ts = Long.toString(NOW.getEpochSecond());
        byte[] tampered = "token=x&command=%2Frequest&text=github+admin+24h".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(ts, sign(SECRET, ts, BODY), tampered)).isInstanceOf(SlackRequestVerifier.Unverified.class);
        assertThatThrownBy(() -> verifier.verify(ts, sign("another-secret", ts, BODY), BODY))
                .isInstanceOf(SlackRequestVerifier.Unverified.class);
        assertThatThrownBy(() -> verifier.verify(ts, null, BODY)).isInstanceOf(SlackRequestVerifier.Unverified.class);
        assertThatThrownBy(() -> verifier.verify(ts, "v0=", BODY)).isInstanceOf(SlackRequestVerifier.Unverified.class);
    }

    @Test
    void aCorrectlySignedRequestMoreThanFiveMinutesOldOrAheadIsRefused() {
        for (Duration offset : new Duration[] {Duration.ofMinutes(-5).minusSeconds(1), Duration.ofMinutes(5).plusSeconds(1)}) {
            String ts = Long.toString(NOW.plus(offset).getEpochSecond());
            assertThatThrownBy(() -> verifier.verify(ts, sign(SECRET, ts, BODY), BODY))
                    .isInstanceOf(SlackRequestVerifier.Unverified.class).hasMessageContaining("five minutes");
        }
        String ts = Long.toString(NOW.minus(Duration.ofMinutes(5)).getEpochSecond());
        assertThatCode(() -> verifier.verify(ts, sign(SECRET, ts, BODY), BODY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verify("yesterday", sign(SECRET, "yesterday", BODY), BODY))
                .isInstanceOf(SlackRequestVerifier.Unverified.class);
    }

    private static String sign(String secret, String ts, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
