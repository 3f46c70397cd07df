package dev.clavis.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.okta.simulator.OktaSimulator;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.PersonStatus;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.connector.spi.UserLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the connector makes of Okta's limits, failures and refusals, against the simulator's state. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OktaConnectorFaultsTest {

    private static final String MEMBERSHIP = "/api/v1/groups/[^/]+/users/[^/]+";

    private final AtomicInteger sequence = new AtomicInteger();
    private OktaSimulator simulator;
    private DirectoryConnector connector;

    @BeforeAll
    void start() {
        simulator = OktaSimulator.start(Simulators.TOKEN);
        connector = Simulators.connector(simulator, Map.of("response-timeout", "PT15S"));
    }

    @AfterAll
    void everyCallWasOneOktaAllows() {
        simulator.close();
        assertThat(simulator.violations()).isEmpty();
    }

    @Test
    void aRateLimitedChangeIsTransientAndWaitsUntilOktasResetPlusPadding() {
        var change = new MembershipChange(group(), person());
        simulator.tooManyRequestsNext("PUT", MEMBERSHIP);

        assertThatThrownBy(() -> provisioning().addMember(change))
                .isInstanceOfSatisfying(TransientConnectorException.class, e -> assertThat(e.retryAfter())
                        .hasValueSatisfying(wait -> assertThat(wait)
                                .isGreaterThan(Duration.ofSeconds(1)).isLessThanOrEqualTo(Duration.ofSeconds(3))))
                .hasMessageContaining("rate limit").hasMessageContaining("E0000047");

        assertThat(simulator.members(change.groupId())).doesNotContain(change.personId());
    }

    @Test
    void aCallOverTheConcurrencyLimitIsTransientWithAShortWait() {
        simulator.limitConcurrency(0);
        try {
            assertThatThrownBy(() -> provisioning().addMember(new MembershipChange(group(), person())))
                    .isInstanceOfSatisfying(TransientConnectorException.class, e -> assertThat(e.retryAfter())
                            .hasValueSatisfying(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(2))));
        } finally {
            simulator.limitConcurrency(Integer.MAX_VALUE);
        }
    }

    @Test
    void aServerErrorIsTransient() {
        var change = new MembershipChange(group(), person());
        simulator.serverErrorNext("PUT", MEMBERSHIP);

        assertThatThrownBy(() -> provisioning().addMember(change))
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("500").hasMessageContaining("E0000009");

        assertThat(provisioning().addMember(change)).isEqualTo(AddOutcome.ADDED);
        assertThat(simulator.members(change.groupId())).containsExactly(change.personId());
    }

    @Test
    void anAnswerSlowerThanTheResponseTimeoutIsTransient() {
        DirectoryConnector impatient = Simulators.connector(simulator, Map.of("response-timeout", "PT0.5S"));
        simulator.slowNext("GET", "/api/v1/users", Duration.ofSeconds(2));

        assertThatThrownBy(() -> impatient.people().toList())
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void anAddWhoseAnswerWasLostIsFoundDoneOnTheRetry() {
        var change = new MembershipChange(group(), person());
        simulator.loseAnswerOfNext("PUT", MEMBERSHIP);

        assertThatThrownBy(() -> provisioning().addMember(change)).isInstanceOf(TransientConnectorException.class);
        assertThat(simulator.members(change.groupId())).containsExactly(change.personId());

        assertThat(provisioning().addMember(change)).isEqualTo(AddOutcome.ALREADY_MEMBER);
        assertThat(simulator.members(change.groupId())).containsExactly(change.personId());
    }

    @Test
    void aRemovalWhoseAnswerWasLostIsFoundDoneOnTheRetry() {
        var change = new MembershipChange(group(), person());
        simulator.addMember(change.groupId(), change.personId());
        simulator.loseAnswerOfNext("DELETE", MEMBERSHIP);

        assertThatThrownBy(() -> provisioning().removeMember(change)).isInstanceOf(TransientConnectorException.class);

        assertThat(provisioning().removeMember(change)).isEqualTo(RemoveOutcome.NOT_A_MEMBER);
        assertThat(simulator.members(change.groupId())).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerWasLostFindsTheSamePersonOnTheRetry() {
        var user = new dev.clavis.connector.spi.NewUser(
                "lost" + sequence.incrementAndGet() + "@example.test", "Lo", "St", null, null, null, null);
        simulator.loseAnswerOfNext("POST", "/api/v1/users");

        assertThatThrownBy(() -> lifecycle().createUser(user)).isInstanceOf(TransientConnectorException.class);
        String id = lifecycle().createUser(user);

        assertThat(connector.people().flatMap(List::stream).filter(p -> p.email().equals(user.email())))
                .extracting(DirectoryPerson::id).containsExactly(id);
    }

    @Test
    void membersOfAGroupMasteredByAnotherAppAreRefusedNamingTheGroupType() {
        String group = simulator.createAppGroup("ad-finance-" + sequence.incrementAndGet(), "from Active Directory");
        var change = new MembershipChange(group, person());

        assertThatThrownBy(() -> provisioning().addMember(change))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("APP_GROUP").hasMessageContaining("ad-finance");

        assertThat(simulator.members(group)).isEmpty();
    }

    @Test
    void groupsMasteredByAnotherAppAreListedAsManagedElsewhere() {
        String imported = simulator.createAppGroup("ad-sales-" + sequence.incrementAndGet(), null);
        String own = group();

        var listed = connector.groups().flatMap(List::stream).toList();

        assertThat(listed).filteredOn(g -> g.id().equals(imported)).singleElement()
                .satisfies(g -> assertThat(g.managedElsewhere()).contains("APP_GROUP").contains("Active Directory"));
        assertThat(listed).filteredOn(g -> g.id().equals(own)).singleElement()
                .satisfies(g -> assertThat(g.managedElsewhere()).isNull());
    }

    @Test
    void suspendingSuspendsAndNeverDeactivates() {
        String person = person();

        lifecycle().suspendUser(person);
        lifecycle().suspendUser(person);

        assertThat(simulator.status(person)).isEqualTo("SUSPENDED");
        assertThat(connector.people().flatMap(List::stream).filter(p -> p.id().equals(person)))
                .extracting(DirectoryPerson::status).containsExactly(PersonStatus.SUSPENDED);
        assertThat(simulator.requests()).filteredOn(request -> request.contains(person))
                .contains("POST /api/v1/users/" + person + "/lifecycle/suspend")
                .noneMatch(request -> request.contains("deactivate") || request.startsWith("DELETE"));
    }

    @Test
    void aStagedPersonCannotBeSuspendedAndStaysStaged() {
        String staged = lifecycle().createUser(new dev.clavis.connector.spi.NewUser(
                "staged" + sequence.incrementAndGet() + "@example.test", "Sta", "Ged", null, null, null, null));

        assertThatThrownBy(() -> lifecycle().suspendUser(staged))
                .isInstanceOf(PermanentConnectorException.class).hasMessageContaining("STAGED");

        assertThat(simulator.status(staged)).isEqualTo("STAGED");
    }

    @Test
    void theLastSignInIsReadWhereOktaHasOne() {
        String person = person();
        Instant at = Instant.parse("2026-11-20T08:15:30.123Z");
        simulator.signedIn(person, at);

        assertThat(((dev.clavis.connector.spi.LoginActivity) connector).lastLogin(person)).contains(at);
        assertThat(connector.people().flatMap(List::stream).filter(p -> p.id().equals(person)))
                .extracting(DirectoryPerson::lastLoginAt).containsExactly(at);
    }

    @Test
    void aRefusedTokenIsPermanentAndItsMessageNeverShowsTheToken() {
        DirectoryConnector wrong = Simulators.connector(simulator, Map.of("api-token", "00wrong-secret-token"));

        assertThatThrownBy(wrong::verify)
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("CLAVIS_OKTA_API_TOKEN")
                .hasMessageNotContaining("00wrong-secret-token");
    }

    private String person() {
        int n = sequence.incrementAndGet();
        return simulator.createUser("fault" + n + "@example.test", "Fau", "Lt" + n, null, null, null, null);
    }

    private String group() {
        return simulator.createGroup("faults-" + sequence.incrementAndGet(), null);
    }

    private MembershipProvisioning provisioning() {
        return (MembershipProvisioning) connector;
    }

    private UserLifecycle lifecycle() {
        return (UserLifecycle) connector;
    }
}
