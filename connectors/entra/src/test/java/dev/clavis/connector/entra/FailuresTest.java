package dev.clavis.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.entra.simulator.Fault;
import dev.clavis.connector.entra.simulator.GraphSimulator;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.connector.spi.UserLifecycle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graph's throttling, outages, slowness and lost answers, and refused credentials and permissions. */
class FailuresTest {

    private static final String MEMBER_REFS = "/groups/[^/]+/members/\\$ref";

    @TempDir
    Path dir;

    private GraphSimulator simulator;
    private DirectoryConnector connector;
    private String group;
    private String person;

    @BeforeEach
    void start() {
        simulator = GraphSimulator.start();
        connector = SimulatedEntra.connector(simulator, dir, Map.of("request-timeout", "PT2S"));
        group = simulator.tenant().createGroup("payments-admins", null);
        person = simulator.tenant().createUser("ann@acme.test", "Ann", "Lee", "Finance", "Analyst", "employee");
    }

    @AfterEach
    void stop() {
        assertThat(simulator.violations()).isEmpty();
        assertThat(simulator.deletesOtherThanMemberReferences()).isEmpty();
        connector.close();
        simulator.close();
    }

    @Test
    void throttlingIsTransientAndCarriesGraphsRetryAfter() {
        simulator.inject(Fault.throttled("POST", MEMBER_REFS, 7));

        assertThatThrownBy(() -> provisioning().addMember(change()))
                .isInstanceOfSatisfying(TransientConnectorException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(simulator.tenant().members(group)).isEmpty();

        assertThat(provisioning().addMember(change())).isEqualTo(AddOutcome.ADDED);
        assertThat(simulator.tenant().members(group)).containsExactly(person);
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateBecomesTheTimeLeftUntilThen() {
        simulator.inject(Fault.throttledUntil("POST", MEMBER_REFS, Instant.now().plus(Duration.ofMinutes(10))));

        assertThatThrownBy(() -> provisioning().addMember(change()))
                .isInstanceOfSatisfying(TransientConnectorException.class, e -> assertThat(e.retryAfter()).hasValueSatisfying(
                        wait -> assertThat(wait).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10))));
    }

    @Test
    void anUnavailableGraphIsTransientAndCarriesItsRetryAfter() {
        simulator.inject(Fault.unavailable("DELETE", "/groups/.*", 30));

        assertThatThrownBy(() -> provisioning().removeMember(change()))
                .isInstanceOfSatisfying(TransientConnectorException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @Test
    void aServerErrorIsTransient() {
        simulator.inject(Fault.internalError("GET", "/groups"));

        assertThatThrownBy(() -> connector.groups().toList()).isInstanceOf(TransientConnectorException.class);
    }

    @Test
    void throttlingInTheMiddleOfAReadFailsTheReadTransiently() {
        for (int i = 0; i < 25; i++) {
            simulator.tenant().createUser("p" + i + "@acme.test", "P", "N" + i, null, null, null);
        }
        var pages = connector.people().iterator();
        pages.next();
        simulator.inject(Fault.throttled("GET", "/users", 3));

        assertThatThrownBy(pages::next).isInstanceOf(TransientConnectorException.class);
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsATransientTimeout() {
        simulator.inject(Fault.slow("GET", "/groups", Duration.ofSeconds(5)));

        assertThatThrownBy(() -> connector.groups().toList())
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("did not answer within PT2S");
    }

    @Test
    void anAddWhoseAnswerWasLostIsFoundDoneWhenRetried() {
        simulator.inject(Fault.lostResponse("POST", MEMBER_REFS));

        assertThatThrownBy(() -> provisioning().addMember(change())).isInstanceOf(TransientConnectorException.class);
        assertThat(simulator.tenant().members(group)).containsExactly(person);

        assertThat(provisioning().addMember(change())).isEqualTo(AddOutcome.ALREADY_MEMBER);
        assertThat(simulator.tenant().members(group)).containsExactly(person);
    }

    @Test
    void aRemovalWhoseAnswerWasLostIsFoundDoneWhenRetried() {
        simulator.tenant().addMember(group, person);
        simulator.inject(Fault.lostResponse("DELETE", "/groups/.*"));

        assertThatThrownBy(() -> provisioning().removeMember(change())).isInstanceOf(TransientConnectorException.class);
        assertThat(simulator.tenant().members(group)).isEmpty();

        assertThat(provisioning().removeMember(change())).isEqualTo(RemoveOutcome.NOT_A_MEMBER);
        assertThat(simulator.tenant().user(person)).isPresent();
    }

    @Test
    void aCreationWhoseAnswerWasLostAnswersTheSameUserWhenRetried() {
        var user = new NewUser("nina@acme.test", "Nina", "Park", "Sales", "Lead", person, "employee");
        simulator.inject(Fault.lostResponse("POST", "/users"));

        assertThatThrownBy(() -> lifecycle().createUser(user)).isInstanceOf(TransientConnectorException.class);
        String id = lifecycle().createUser(user);

        assertThat(simulator.tenant().users()).filteredOn(u -> u.path("mail").asString("").equals("nina@acme.test"))
                .singleElement()
                .satisfies(created -> assertThat(created.path("id").asString()).isEqualTo(id));
        assertThat(simulator.tenant().manager(id)).contains(person);
    }

    @Test
    void aSuspensionWhoseAnswerWasLostSucceedsWhenRetried() {
        simulator.inject(Fault.lostResponse("PATCH", "/users/.*"));

        assertThatThrownBy(() -> lifecycle().suspendUser(person)).isInstanceOf(TransientConnectorException.class);
        lifecycle().suspendUser(person);

        assertThat(simulator.tenant().user(person).orElseThrow().path("accountEnabled").asBoolean()).isFalse();
    }

    @Test
    void aWrongClientSecretIsPermanentAndTheMessageNamesTheSettingsButNotTheSecret() {
        String wrong = "wrong~secret.value_9876543210";
        var settings = new HashMap<>(SimulatedEntra.settings(simulator, dir, Map.of("client-secret", wrong)));
        try (DirectoryConnector misconfigured = SimulatedEntra.create(settings)) {
            assertThatThrownBy(misconfigured::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("invalid_client")
                    .hasMessageContaining("CLAVIS_ENTRA_CLIENT_ID")
                    .hasMessageNotContaining(wrong)
                    .hasMessageNotContaining(GraphSimulator.CLIENT_SECRET);
        }
    }

    @Test
    void aMissingPermissionIsPermanentAndNamesThePermissionToGrant() {
        simulator.revoke("GroupMember.ReadWrite.All");

        assertThatThrownBy(() -> provisioning().addMember(change()))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("GroupMember.ReadWrite.All")
                .hasMessageContaining("Authorization_RequestDenied");
        assertThat(simulator.tenant().members(group)).isEmpty();
    }

    @Test
    void anUnreachableSignInEndpointIsTransient() {
        var settings = SimulatedEntra.settings(simulator, dir, Map.of("authority-url", "https://127.0.0.1:1",
                "connect-timeout", "PT1S"));
        try (DirectoryConnector unreachable = SimulatedEntra.create(settings)) {
            assertThatThrownBy(unreachable::verify).isInstanceOf(TransientConnectorException.class);
        }
    }

    private MembershipChange change() {
        return new MembershipChange(group, person);
    }

    private MembershipProvisioning provisioning() {
        return (MembershipProvisioning) connector;
    }

    private UserLifecycle lifecycle() {
        return (UserLifecycle) connector;
    }
}
