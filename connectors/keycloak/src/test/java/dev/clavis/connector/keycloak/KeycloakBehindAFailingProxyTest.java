package dev.clavis.connector.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.TransientConnectorException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a reverse proxy in front of Keycloak answers while Keycloak is down or slow: the connector
 * reports it as transient, with the proxy's Retry-After, and the message carries no secret.
 */
class KeycloakBehindAFailingProxyTest {

    private static final String SECRET = "proxy-test-secret";

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer proxy;

    @AfterEach
    void stopProxy() {
        release.countDown();
        proxy.stop(0);
    }

    @Test
    void a503WithRetryAfterIsTransientAndCarriesTheWait() throws IOException {
        start(exchange -> answer(exchange, 503, "Retry-After", "7"));

        try (KeycloakConnector connector = connector(Duration.ofSeconds(5))) {
            assertThatThrownBy(connector::verify)
                    .isInstanceOfSatisfying(TransientConnectorException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)))
                    .hasMessageContaining("503")
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void a429IsTransient() throws IOException {
        start(exchange -> answer(exchange, 429, "Retry-After", "2"));

        try (KeycloakConnector connector = connector(Duration.ofSeconds(5))) {
            assertThatThrownBy(connector::verify).isInstanceOf(TransientConnectorException.class);
        }
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsTransient() throws IOException {
        start(exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "X-Late", "yes");
        });

        try (KeycloakConnector connector = connector(Duration.ofMillis(300))) {
            assertThatThrownBy(connector::verify)
                    .isInstanceOf(TransientConnectorException.class)
                    .hasMessageContaining("request-timeout");
        }
    }

    private void start(Consumer<HttpExchange> handler) throws IOException {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", handler::accept);
        proxy.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        proxy.start();
    }

    private KeycloakConnector connector(Duration requestTimeout) {
        var settings = ConnectorSettings.of("keycloak", KeycloakSettings.SCHEMA, Map.of(
                "base-url", "http://127.0.0.1:" + proxy.getAddress().getPort(), "realm", "acme",
                "client-id", "clavis", "client-secret", SECRET, "request-timeout", requestTimeout.toString()));
        return new KeycloakConnector(KeycloakSettings.from(settings));
    }

    private static void answer(HttpExchange exchange, int status, String header, String value) {
        try (exchange) {
            byte[] body = "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add(header, value);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // the connector gave up first
        }
    }
}
