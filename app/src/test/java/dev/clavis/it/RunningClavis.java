package dev.clavis.it;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.clavis.support.Api;
import dev.clavis.support.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Clavis started whole on a random port, on the embedded demo directory reached over LDAP, with a
 * data folder of its own per test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningClavis {

    public static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    public static final String LDAP_PASSWORD = "it-ldap-password";
    public static final String BASE_DN = "dc=acme,dc=test";

    @LocalServerPort
    protected int port;

    /** Settings every test server has; {@code ldapPort} must stay the same for the class's lifetime. */
    protected static void embeddedDefaults(DynamicPropertyRegistry registry, Path dataDir, int ldapPort) {
        registry.add("clavis.data-dir", dataDir::toString);
        registry.add("clavis.embedded-ldap.port", () -> ldapPort);
        registry.add("clavis.embedded-ldap.password", () -> LDAP_PASSWORD);
        registry.add("clavis.bootstrap-admin-token", () -> ADMIN_TOKEN);
        registry.add("clavis.sync.interval", () -> "PT1H");
    }

    protected static Path newDataDir() {
        try {
            return Files.createTempDirectory("clavis-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static int newPort() {
        return FreePorts.next();
    }

    protected Api admin() {
        return new Api(port, ADMIN_TOKEN);
    }

    protected Api anonymous() {
        return new Api(port, null);
    }

    protected static LDAPConnection ldap(int ldapPort) {
        try {
            return new LDAPConnection("127.0.0.1", ldapPort, "cn=admin," + BASE_DN, LDAP_PASSWORD);
        } catch (LDAPException e) {
            throw new IllegalStateException("the embedded directory does not answer: " + e.getMessage(), e);
        }
    }

    /** The members of a group in the embedded directory, as lower-case DNs. */
    protected static List<String> members(int ldapPort, String group) throws LDAPException {
        try (LDAPConnection ldap = ldap(ldapPort)) {
            String[] values = ldap.getEntry("cn=" + group + ",ou=groups," + BASE_DN, "member").getAttributeValues("member");
            return values == null ? List.of() : Stream.of(values).map(value -> value.toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * A sync that read the directory after this call. Asking while a sync runs answers that sync, which
     * may have read the directory before the caller's changes (the start's own sync, say): then ask again.
     */
    protected JsonNode syncAndWait(String query) {
        Instant asked = Instant.now();
        while (true) {
            var started = admin().post("/api/v1/directory/sync" + query, "");
            if (started.status() != 202) {
                throw new AssertionError("sync was not accepted: " + started);
            }
            String id = started.json().get("syncId").asString();
            JsonNode sync = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> admin().get("/api/v1/directory/sync/" + id).json(),
                            status -> status.get("status").asString().matches("SUCCEEDED|FAILED"));
            JsonNode startedAt = sync.path("startedAt");
            if (!startedAt.isString() || !Instant.parse(startedAt.asString()).isBefore(asked)) {
                return sync;
            }
        }
    }
}
