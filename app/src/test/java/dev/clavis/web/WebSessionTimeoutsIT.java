package dev.clavis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clavis.it.RunningClavis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console's session timeouts, set a few seconds short: idle, and absolute however busy the session is. */
class WebSessionTimeoutsIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration ABSOLUTE = Duration.ofSeconds(8);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        registry.add("clavis.web.idle-timeout", IDLE::toString);
        registry.add("clavis.web.absolute-timeout", ABSOLUTE::toString);
    }

    @Test
    void aSessionLeftUnusedForTheIdleTimeoutEnds() throws InterruptedException {
        var sam = ConsoleBrowser.signedInAs(port, "sam.taylor@acme.test");
        assertThat(sam.get("/portal").statusCode()).isEqualTo(200);

        Thread.sleep(IDLE.plusSeconds(1).toMillis());

        var after = sam.get("/portal");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    }

    @Test
    void aBusySessionOutlivesTheIdleTimeoutAndEndsAtTheAbsoluteTimeout() {
        var sam = ConsoleBrowser.signedInAs(port, "sam.taylor@acme.test");
        long signedInAt = System.nanoTime();
        var lastServedAt = new AtomicLong(signedInAt);

        await().atMost(ABSOLUTE.multipliedBy(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var page = sam.get("/portal");
            if (page.statusCode() == 200) {
                lastServedAt.set(System.nanoTime());
                return false;
            }
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
            return true;
        });

        assertThat(Duration.ofNanos(lastServedAt.get() - signedInAt)).as("pages served while busy")
                .isGreaterThan(IDLE);
        assertThat(sam.get("/portal").statusCode()).as("the session is gone, not just one page refused").isEqualTo(302);
    }
}
