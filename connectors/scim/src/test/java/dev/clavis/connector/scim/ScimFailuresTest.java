package dev.clavis.connector.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

class ScimFailuresTest {

    private static final String TOKEN = "tok-8d2f-secret";

    private final ScimFailures failures = new ScimFailures(URI.create("https://idp.test/scim/v2"), TOKEN,
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void theServersScimErrorIsInTheMessageWithTheTokenMasked() {
        ConnectorException e = classify(400, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400",
                 "scimType": "invalidValue", "detail": "token tok-8d2f-secret may not set title"}""");

        assertThat(e).isInstanceOf(PermanentConnectorException.class)
                .hasMessage("could not create user a@b.test: the SCIM server answered 400 (scimType invalidValue):"
                        + " token ****** may not set title");
    }

    @Test
    void aGatewayErrorThatIsNotScimIsTransientWithoutItsBody() {
        ConnectorException e = classify(502, "<html>bad gateway</html>");

        assertThat(e).isInstanceOf(TransientConnectorException.class)
                .hasMessage("could not create user a@b.test: the SCIM server answered 502");
    }

    @Test
    void notImplementedIsPermanent() {
        assertThat(classify(501, "")).isInstanceOf(PermanentConnectorException.class);
    }

    @Test
    void aBusyServersRetryAfterDateIsTheWaitFromNow() {
        var headers = new HttpHeaders();
        headers.set("Retry-After", "Wed, 25 Nov 2026 10:00:45 GMT");

        ConnectorException e = failures.classify(new Reply(503, headers, null, "", failures), "create user a@b.test");

        assertThat(e).isInstanceOfSatisfying(TransientConnectorException.class,
                busy -> assertThat(busy.retryAfter()).contains(Duration.ofSeconds(45)));
    }

    private ConnectorException classify(int status, String body) {
        var json = JsonMapper.builder().build();
        var parsed = body.startsWith("{") ? json.readTree(body) : null;
        return failures.classify(new Reply(status, new HttpHeaders(), parsed, body, failures), "create user a@b.test");
    }
}
