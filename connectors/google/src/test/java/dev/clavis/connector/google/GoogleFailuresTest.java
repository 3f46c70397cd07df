package dev.clavis.connector.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.connector.testkit.TestPerson;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the connector classifies Google's failures, injected into the simulator one request at a time. */
class GoogleFailuresTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private GoogleDirectorySimulator simulator;
    private SimulatorTestDirectory directory;
    private DirectoryConnector connector;

    @BeforeEach
    void start() {
        simulator = GoogleDirectorySimulator.start();
        directory = new SimulatorTestDirectory(simulator);
        connector = Connectors.create(simulator);
    }

    @AfterEach
    void stop() {
        assertThat(simulator.violations()).isEmpty();
        connector.close();
        simulator.close();
    }

    @Test
    void aUserRateLimitIsTransientAndTheNextReadSucceeds() {
        simulator.inject("GET", "/users", Fault.error("userRateLimitExceeded"));

        assertThatThrownBy(() -> connector.people().toList())
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("403 userRateLimitExceeded");

        assertThat(connector.people().flatMap(List::stream).toList()).isNotEmpty();
    }

    @Test
    void tooManyConcurrentRequestsIsTransientAndChangesNothing() {
        var change = new MembershipChange(directory.createGroup(name("quota"), null), person());
        simulator.inject("POST", "/members", Fault.error("quotaExceeded"));

        assertThatThrownBy(() -> provisioning().addMember(change))
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("quotaExceeded");

        assertThat(directory.members(change.groupId())).isEmpty();
        assertThat(provisioning().addMember(change)).isEqualTo(AddOutcome.ADDED);
    }

    @Test
    void aTooManyRequestsAnswerIsTransientAndCarriesGooglesRetryAfter() {
        simulator.inject("GET", "/groups", Fault.error("rateLimitExceeded", "Retry-After", "7"));

        assertThatThrownBy(() -> connector.groups().toList())
                .isInstanceOfSatisfying(TransientConnectorException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void anUnavailableServiceIsTransientAndTheMemberStays() {
        var change = new MembershipChange(directory.createGroup(name("outage"), null), person());
        directory.addMember(change.groupId(), change.personId());
        simulator.inject("DELETE", "/members/", Fault.error("backendError"));

        assertThatThrownBy(() -> provisioning().removeMember(change))
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("503 backendError");

        assertThat(directory.members(change.groupId())).containsExactly(change.personId());
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsTransient() {
        simulator.inject("GET", "/groups", Fault.delay(Duration.ofSeconds(4)));

        assertThatThrownBy(() -> connector.groups().toList())
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("did not answer in time");
    }

    @Test
    void anAddWhoseAnswerWasLostIsFoundDoneWhenRetried() {
        var change = new MembershipChange(directory.createGroup(name("lost-add"), null), person());
        simulator.inject("POST", "/members", Fault.loseResponse());

        assertThatThrownBy(() -> provisioning().addMember(change)).isInstanceOf(TransientConnectorException.class);
        assertThat(directory.members(change.groupId())).containsExactly(change.personId());

        assertThat(provisioning().addMember(change)).isEqualTo(AddOutcome.ALREADY_MEMBER);
        assertThat(directory.members(change.groupId())).containsExactly(change.personId());
    }

    @Test
    void aRemovalWhoseAnswerWasLostIsFoundDoneWhenRetried() {
        var change = new MembershipChange(directory.createGroup(name("lost-remove"), null), person());
        directory.addMember(change.groupId(), change.personId());
        simulator.inject("DELETE", "/members/", Fault.loseResponse());

        assertThatThrownBy(() -> provisioning().removeMember(change)).isInstanceOf(TransientConnectorException.class);
        assertThat(directory.members(change.groupId())).isEmpty();

        assertThat(provisioning().removeMember(change)).isEqualTo(RemoveOutcome.NOT_A_MEMBER);
    }

    @Test
    void aRejectedAccessTokenIsPermanent() {
        simulator.inject("GET", "/users", Fault.error("authError"));

        assertThatThrownBy(connector::verify)
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("401 authError")
                .hasMessageContaining(GoogleDirectorySimulator.CLIENT_ID);
    }

    @Test
    void anAdministratorWithoutAdminRightsIsRefusedPermanentlyWithWhatToCheck() {
        String clerk = directory.createPerson(new TestPerson(name("clerk") + "@acme.test", "Cle", "Rk", null, null,
                null, null));
        String clerkEmail = simulator.state(d -> d.user(clerk).orElseThrow().path("primaryEmail").asString());
        var settings = Connectors.settings(simulator);
        settings.put("admin-email", clerkEmail);

        try (DirectoryConnector asClerk = Connectors.create(settings)) {
            assertThatThrownBy(asClerk::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("403 forbidden")
                    .hasMessageContaining(clerkEmail + " must be an administrator");
        }
    }

    /**
     * Google answers 401 {@code unauthorized_client}; the JDK's HTTP transport under the auth library
     * drops the body of a 401, so the message cannot quote it and says what to grant instead.
     */
    @Test
    void aScopeMissingFromTheDelegationIsPermanentAndNamesTheClientIdAndScopes() {
        simulator.delegate(Set.of("https://www.googleapis.com/auth/admin.directory.user"));

        assertThatThrownBy(connector::verify)
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("would not issue an access token")
                .hasMessageContaining("client id " + GoogleDirectorySimulator.CLIENT_ID)
                .hasMessageContaining("https://www.googleapis.com/auth/admin.directory.group.member")
                .hasNoCause()
                .message().doesNotContain(simulator.key().privateKeyFragment());
    }

    @Test
    void anAdministratorUnknownToGoogleIsPermanent() {
        var settings = Connectors.settings(simulator);
        settings.put("admin-email", "nobody@" + GoogleDirectorySimulator.DOMAIN);

        try (DirectoryConnector asNobody = Connectors.create(settings)) {
            assertThatThrownBy(asNobody::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("invalid_grant \"Invalid email or User ID\"");
        }
    }

    @Test
    void aTokenEndpointOutageIsTransient() {
        simulator.inject("POST", "/token", Fault.error("backendError"));

        assertThatThrownBy(connector::verify)
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("token endpoint failed: 503");

        connector.verify();
    }

    @Test
    void aTokenEndpointThatCannotBeReachedIsTransient() {
        var settings = Connectors.settings(simulator);
        settings.put("token-url", "http://127.0.0.1:9/token");

        try (DirectoryConnector unreachable = Connectors.create(settings)) {
            assertThatThrownBy(unreachable::verify)
                    .isInstanceOf(TransientConnectorException.class)
                    .hasMessageContaining("could not be reached");
        }
    }

    private MembershipProvisioning provisioning() {
        return (MembershipProvisioning) connector;
    }

    private String person() {
        return directory.createPerson(new TestPerson(name("p") + "@example.test", "Pat", "Person", null, null, null,
                null));
    }

    private static String name(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }
}
