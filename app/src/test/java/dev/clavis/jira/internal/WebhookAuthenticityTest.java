package dev.clavis.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookAuthenticityTest {

    private static final byte[] BODY = "{\"webhookEvent\":\"jira:issue_created\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodySignedWithTheSecretIsAuthentic() {
        assertThat(WebhookAuthenticity.signedWith("s3cret", BODY, WebhookAuthenticity.signature("s3cret", BODY))).isTrue();
        assertThat(WebhookAuthenticity.signedWith("s3cret", BODY, WebhookAuthenticity.signature("s3cret", BODY).toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    }

    /** HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), the RFC 4231-style example everyone checks against. */
    @Test
    void theSignatureIsTheHexHmacSha256OfTheRawBody() {
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookAuthenticity.signature("key", fox)).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void anotherSecretAnAlteredBodyOrNoSignatureIsNotAuthentic() {
        String signature = WebhookAuthenticity.signature("s3cret", BODY);

        assertThat(WebhookAuthenticity.signedWith("other", BODY, signature)).isFalse();
        assertThat(WebhookAuthenticity.signedWith("s3cret", "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookAuthenticity.signedWith("s3cret", BODY, null)).isFalse();
        assertThat(WebhookAuthenticity.signedWith("s3cret", BODY, signature.substring("sha256=".length()))).isFalse();
        assertThat(WebhookAuthenticity.signedWith("", BODY, signature)).as("no secret configured").isFalse();
    }

    @Test
    void theUrlTokenMustBeTheSecretExactly() {
        assertThat(WebhookAuthenticity.sameToken("s3cret", "s3cret")).isTrue();
        assertThat(WebhookAuthenticity.sameToken("s3cret", "s3cre")).isFalse();
        assertThat(WebhookAuthenticity.sameToken("s3cret", null)).isFalse();
        assertThat(WebhookAuthenticity.sameToken("", "")).isFalse();
    }
}
