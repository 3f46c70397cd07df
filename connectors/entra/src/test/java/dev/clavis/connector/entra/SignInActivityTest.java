package dev.clavis.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.entra.simulator.GraphSimulator;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.LoginActivity;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Last sign-in comes from signInActivity, which needs AuditLog.Read.All and Entra ID P1/P2, limits pages to
 * 120 users, and says "never" with {@code 0001-01-01T00:00:00Z}.
 */
class SignInActivityTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-20T08:15:00Z");

    @TempDir
    Path dir;

    private GraphSimulator simulator;
    private String signedIn;
    private String never;

    @BeforeEach
    void start() {
        simulator = GraphSimulator.start();
        signedIn = simulator.tenant().createUser("ann@acme.test", "Ann", "Lee", null, null, null);
        never = simulator.tenant().createUser("bob@acme.test", "Bob", "Ray", null, null, null);
        simulator.tenant().signedIn(signedIn, SIGNED_IN);
    }

    @AfterEach
    void stop() {
        assertThat(simulator.violations()).isEmpty();
        simulator.close();
    }

    @Test
    void peopleCarryTheirLastSignInAndNeverIsNoSignIn() {
        try (DirectoryConnector connector = SimulatedEntra.connector(simulator, dir, Map.of())) {
            List<DirectoryPerson> people = connector.people().flatMap(List::stream).toList();

            assertThat(people).filteredOn(p -> p.id().equals(signedIn)).singleElement()
                    .extracting(DirectoryPerson::lastLoginAt).isEqualTo(SIGNED_IN);
            assertThat(people).filteredOn(p -> p.id().equals(never)).singleElement()
                    .extracting(DirectoryPerson::lastLoginAt).isNull();
            assertThat(((LoginActivity) connector).lastLogin(signedIn)).contains(SIGNED_IN);
            assertThat(((LoginActivity) connector).lastLogin(never)).isEmpty();
        }
    }

    @Test
    void readsWithSignInActivityAskForAtMost120PeopleAPage() {
        try (DirectoryConnector connector = SimulatedEntra.connector(simulator, dir, Map.of("page-size", "500"))) {
            connector.people().toList();
        }

        assertThat(simulator.requests()).filteredOn(r -> r.startsWith("GET /v1.0/users?") && r.contains("signInActivity")
                        && r.contains("expand"))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request).contains("$top=120"));
    }

    @Test
    void withoutAPremiumLicencePeopleAreReadWithoutLastSignInAndVerificationStillPasses() {
        simulator.premium(false);
        try (DirectoryConnector connector = SimulatedEntra.connector(simulator, dir, Map.of("page-size", "500"))) {
            assertThatCode(connector::verify).doesNotThrowAnyException();

            List<DirectoryPerson> people = connector.people().flatMap(List::stream).toList();

            assertThat(people).extracting(DirectoryPerson::id).contains(signedIn, never);
            assertThat(people).extracting(DirectoryPerson::lastLoginAt).containsOnlyNulls();
            assertThat(simulator.requests()).filteredOn(r -> r.startsWith("GET /v1.0/users?") && r.contains("expand"))
                    .allSatisfy(request -> assertThat(request).doesNotContain("signInActivity").contains("$top=500"));
            assertThatThrownBy(() -> ((LoginActivity) connector).lastLogin(signedIn))
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("P1 or P2")
                    .hasMessageContaining("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
        }
    }

    @Test
    void withoutAuditLogPermissionPeopleAreReadWithoutLastSignIn() {
        simulator.revoke("AuditLog.Read.All");
        try (DirectoryConnector connector = SimulatedEntra.connector(simulator, dir, Map.of())) {
            assertThatCode(connector::verify).doesNotThrowAnyException();

            assertThat(connector.people().flatMap(List::stream).toList())
                    .extracting(DirectoryPerson::lastLoginAt).containsOnlyNulls().hasSize(2);
            assertThatThrownBy(() -> ((LoginActivity) connector).lastLogin(signedIn))
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("AuditLog.Read.All");
        }
    }
}
