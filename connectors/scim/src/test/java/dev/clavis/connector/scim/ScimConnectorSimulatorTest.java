package dev.clavis.connector.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.scim.ScimSimulator.Filtering;
import dev.clavis.connector.scim.ScimSimulator.Interference;
import dev.clavis.connector.scim.ScimSimulator.LostAnswer;
import dev.clavis.connector.scim.ScimSimulator.Refusal;
import dev.clavis.connector.scim.ScimSimulator.Request;
import dev.clavis.connector.scim.ScimSimulator.Slowness;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract, faults and the server's declared capabilities, against a simulator that checks every
 * request against the published SCIM schemas.
 */
class ScimConnectorSimulatorTest extends DirectoryConnectorContract {

    private static final String TOKEN = "sim-token-5f1c9e";
    private static final int PAGE_SIZE = 5;
    /** Long enough never to expire on a busy machine; only the connectors made to time out use a short one. */
    private static final Duration PATIENT = Duration.ofSeconds(20);
    private static final Duration IMPATIENT = Duration.ofMillis(300);

    private ScimSimulator simulator;
    private ScimConnector connector;
    private SimulatorDirectory directory;

    @BeforeAll
    void startSimulator() {
        simulator = new ScimSimulator(TOKEN);
        connector = connector(settings(PATIENT), Clock.systemUTC());
        directory = new SimulatorDirectory(simulator.resources, PAGE_SIZE);
    }

    @AfterAll
    void stopSimulator() {
        connector.close();
        simulator.close();
    }

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
    }

    @AfterEach
    void theServerFoundNothingWrongWithAnyRequest() {
        assertThat(simulator.violations()).isEmpty();
    }

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return directory;
    }

    @Test
    void aRateLimitedRequestIsTransientAndCarriesTheServersRetryAfter() {
        simulator.fault("GET", "/Users", new Refusal(429, "7"));

        assertThatThrownBy(() -> read(connector.people()))
                .isInstanceOfSatisfying(TransientConnectorException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)))
                .hasMessageContaining("429");
    }

    @Test
    void anUnavailableServersRetryAfterDateIsTheWaitUntilThen() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        ScimConnector atNow = connector(settings(PATIENT), Clock.fixed(now, ZoneOffset.UTC));
        simulator.fault("GET", "/Groups", new Refusal(503, "Wed, 25 Nov 2026 10:01:30 GMT"));

        assertThatThrownBy(() -> read(atNow.groups()))
                .isInstanceOfSatisfying(TransientConnectorException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(90)));
    }

    @Test
    void aServerErrorOnAnAddIsTransientAndAddsNobody() {
        String group = directory.createGroup(uniqueName("err"), null);
        String person = newPerson();
        simulator.fault("PATCH", "/Groups", new Refusal(500, null));

        assertThatThrownBy(() -> connector.addMember(new MembershipChange(group, person)))
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("500");

        assertThat(directory.members(group)).doesNotContain(person);
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsWaitedFor() {
        String group = directory.createGroup(uniqueName("slow"), null);
        String person = newPerson();
        simulator.fault("PATCH", "/Groups", new Slowness(Duration.ofMillis(500)));

        assertThat(connector.addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ADDED);

        assertThat(directory.members(group)).containsExactly(person);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsTransient() {
        ScimConnector impatient = connector(settings(IMPATIENT), Clock.systemUTC());
        simulator.fault("GET", "/Users", new Slowness(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> read(impatient.people()))
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("no answer from the SCIM server");
    }

    @Test
    void anAddWhoseAnswerWasLostIsFoundDoneWhenRetried() {
        String group = directory.createGroup(uniqueName("lostadd"), null);
        String person = newPerson();
        var change = new MembershipChange(group, person);
        simulator.fault("PATCH", "/Groups", new LostAnswer(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> connector(settings(IMPATIENT), Clock.systemUTC()).addMember(change))
                .isInstanceOf(TransientConnectorException.class);
        assertThat(directory.members(group)).containsExactly(person);

        assertThat(connector.addMember(change)).isEqualTo(AddOutcome.ALREADY_MEMBER);
        assertThat(directory.members(group)).containsExactly(person);
    }

    @Test
    void aRemovalWhoseAnswerWasLostIsFoundDoneWhenRetried() {
        String group = directory.createGroup(uniqueName("lostremove"), null);
        String person = newPerson();
        directory.addMember(group, person);
        var change = new MembershipChange(group, person);
        simulator.fault("PATCH", "/Groups", new LostAnswer(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> connector(settings(IMPATIENT), Clock.systemUTC()).removeMember(change))
                .isInstanceOf(TransientConnectorException.class);
        assertThat(directory.members(group)).isEmpty();

        assertThat(connector.removeMember(change)).isEqualTo(RemoveOutcome.NOT_A_MEMBER);
    }

    @Test
    void aCreationWhoseAnswerWasLostAnswersTheSameUserWhenRetried() {
        var user = new NewUser(uniqueName("lostnew") + "@example.test", "Lost", "Answer", null, null, null, null);
        simulator.fault("POST", "/Users", new LostAnswer(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> connector(settings(IMPATIENT), Clock.systemUTC()).createUser(user))
                .isInstanceOf(TransientConnectorException.class);
        String id = connector.createUser(user);

        assertThat(simulator.resources.list("Users", "userName eq \"" + user.email() + "\""))
                .singleElement()
                .satisfies(created -> assertThat(created.path("id").asString()).isEqualTo(id));
    }

    @Test
    void creatingAUserWhoseUserNameAnotherEmailHoldsIsRefused() {
        String email = uniqueName("taken") + "@example.test";
        var holder = ScimResourcesForTests.user(
                new TestPerson(email, "Hold", "Er", null, null, null, null));
        holder.putArray("emails").addObject().put("value", "other@example.test").put("primary", true);
        simulator.resources.createUser(holder);

        assertThatThrownBy(() -> connector.createUser(new NewUser(email, "Dup", "Licate", null, null, null, null)))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("already has that userName with another email");
    }

    @Test
    void aMemberRemovedByAnotherAdministratorMeanwhileIsNotAMember() {
        String group = directory.createGroup(uniqueName("race"), null);
        String person = newPerson();
        directory.addMember(group, person);
        simulator.fault("PATCH", "/Groups", new Interference(() -> simulator.resources.removeMember(group, person)));

        assertThat(connector.removeMember(new MembershipChange(group, person))).isEqualTo(RemoveOutcome.NOT_A_MEMBER);
    }

    @Test
    void aRefusedTokenIsPermanentAndNamesTheSettingButNeverTheToken() {
        var settings = settings(PATIENT);
        settings.put("token", "wrong-token-0b7d2a");

        assertThatThrownBy(() -> connector(settings, Clock.systemUTC()).verify())
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("CLAVIS_SCIM_TOKEN")
                .message().doesNotContain("wrong-token-0b7d2a");
    }

    @Test
    void aBaseUrlThatIsNotTheScimBaseIsNamedByVerification() {
        var settings = settings(PATIENT);
        settings.put("base-url", simulator.baseUrl().replace("/scim/v2", "/scim"));

        assertThatThrownBy(() -> connector(settings, Clock.systemUTC()).verify())
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("has no /Users under")
                .hasMessageContaining("check CLAVIS_SCIM_BASE_URL");
    }

    @Test
    void aForbiddenChangeIsPermanent() {
        String group = directory.createGroup(uniqueName("forbidden"), null);
        simulator.fault("PATCH", "/Groups", new Refusal(403, null));

        assertThatThrownBy(() -> connector.addMember(new MembershipChange(group, newPerson())))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("403");
    }

    @Test
    void withoutFilteringMembershipIsAskedByReadingTheGroup() {
        simulator.declare(true, false, 200);
        ScimConnector unfiltered = connector(settings(PATIENT), Clock.systemUTC());
        String group = directory.createGroup(uniqueName("nofilter"), null);
        String person = newPerson();

        assertThat(unfiltered.addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ADDED);
        assertThat(unfiltered.addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ALREADY_MEMBER);
        assertThat(unfiltered.removeMember(new MembershipChange(group, person))).isEqualTo(RemoveOutcome.REMOVED);
        assertThat(unfiltered.removeMember(new MembershipChange(group, person))).isEqualTo(RemoveOutcome.NOT_A_MEMBER);

        assertThat(directory.members(group)).isEmpty();
        assertThat(simulator.requests()).noneMatch(request -> request.query().containsKey("filter"));
    }

    @Test
    void withFilteringAGroupsMembersAreNotReadToChangeOne() {
        String group = directory.createGroup(uniqueName("big"), null);
        for (int i = 0; i < 3; i++) {
            directory.addMember(group, newPerson());
        }
        String person = newPerson();
        simulator.forget();

        connector.addMember(new MembershipChange(group, person));
        connector.removeMember(new MembershipChange(group, person));

        assertThat(simulator.requests()).noneMatch(ScimConnectorSimulatorTest::readsMembers);
    }

    @Test
    void theServersMaximumLowersThePageSize() {
        simulator.declare(true, true, 3);
        ScimConnector capped = connector(settings(PATIENT), Clock.systemUTC());
        for (int i = 0; i < 4; i++) {
            newPerson();
        }

        List<List<DirectoryPerson>> pages = read(capped.people());

        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void aServerWithoutPatchFailsVerificationAndIsNeverSentOne() {
        simulator.declare(false, true, 200);
        ScimConnector unpatchable = connector(settings(PATIENT), Clock.systemUTC());
        String group = directory.createGroup(uniqueName("nopatch"), null);

        assertThatThrownBy(unpatchable::verify)
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("does not support PATCH");
        assertThatThrownBy(() -> unpatchable.addMember(new MembershipChange(group, newPerson())))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("does not support PATCH");
        assertThat(simulator.requests()).noneMatch(request -> request.method().equals("PATCH"));
    }

    @Test
    void groupsAreListedWithoutTheirMembers() {
        String group = directory.createGroup(uniqueName("listed"), null);
        directory.addMember(group, newPerson());

        read(connector.groups());
        read(connector.memberships());

        assertThat(simulator.requests())
                .filteredOn(request -> request.method().equals("GET") && request.path().equals("/scim/v2/Groups"))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.query()).containsEntry("excludedAttributes", "members"));
    }

    @Test
    void aGroupThatIsAMemberIsNotAPersonsMembership() {
        String outer = directory.createGroup(uniqueName("outer"), null);
        String inner = directory.createGroup(uniqueName("inner"), null);
        String person = newPerson();
        directory.addMember(outer, person);
        simulator.resources.addMember(outer, inner, "Group");

        assertThat(read(connector.memberships()).stream().flatMap(List::stream).filter(m -> m.groupId().equals(outer)))
                .containsExactly(new DirectoryMembership(outer, person));
    }

    @Test
    void aServerThatRefusesTheMemberFilterIsAskedByReadingTheGroupFromThenOn() {
        simulator.filtering(Filtering.MEMBER_FILTERS_REFUSED);
        ScimConnector refused = connector(settings(PATIENT), Clock.systemUTC());
        String group = directory.createGroup(uniqueName("refused"), null);
        String person = newPerson();

        assertThat(refused.addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ADDED);
        assertThat(refused.addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ALREADY_MEMBER);
        assertThat(refused.removeMember(new MembershipChange(group, person))).isEqualTo(RemoveOutcome.REMOVED);

        assertThat(directory.members(group)).isEmpty();
        assertThat(simulator.requests()).filteredOn(request -> request.query().containsKey("filter")).hasSize(1);
    }

    /** Taking the unfiltered list at its word would find nobody a member, and so never remove anyone. */
    @Test
    void aServerThatIgnoresTheMemberFilterStillHasMembersFoundAndRemoved() {
        simulator.filtering(Filtering.IGNORED);
        ScimConnector ignored = connector(settings(PATIENT), Clock.systemUTC());
        String group = directory.createGroup(uniqueName("ignored"), null);
        String person = newPerson();
        directory.addMember(group, person);

        assertThat(ignored.addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ALREADY_MEMBER);
        assertThat(ignored.removeMember(new MembershipChange(group, person))).isEqualTo(RemoveOutcome.REMOVED);

        assertThat(directory.members(group)).isEmpty();
    }

    @Test
    void aServerWithoutAConfigurationIsUsedAsIfItSupportedEverything() {
        simulator.servesConfiguration(false);
        ScimConnector undeclared = connector(settings(PATIENT), Clock.systemUTC());
        String group = directory.createGroup(uniqueName("undeclared"), null);
        String person = newPerson();

        undeclared.verify();
        assertThat(undeclared.addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ADDED);

        assertThat(directory.members(group)).containsExactly(person);
    }

    /**
     * The pace allows one request per tenth of a second, so n requests span at least n - 2 tenths (the first
     * and second may fall at the end and start of adjacent tenths). A lower bound: a slow machine cannot
     * break it; a connector that ignored the setting would send the pages back to back.
     */
    @Test
    void requestsArePacedByTheRateLimit() {
        for (int i = 0; i < 6; i++) {
            newPerson();
        }
        var paced = settings(PATIENT);
        paced.put("rate-limit", "10");
        paced.put("page-size", "4");
        ScimConnector slow = connector(paced, Clock.systemUTC());
        slow.verify();
        simulator.forget();

        read(slow.people());

        List<Request> requests = simulator.requests();
        assertThat(requests).hasSizeGreaterThan(3);
        Duration span = Duration.ofNanos(requests.get(requests.size() - 1).arrivedAt() - requests.get(0).arrivedAt());
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(100).multipliedBy(requests.size() - 2));
    }

    private static boolean readsMembers(Request request) {
        return request.method().equals("GET") && "members".equals(request.query().get("attributes"));
    }

    private Map<String, String> settings(Duration responseTimeout) {
        var settings = new HashMap<String, String>();
        settings.put("base-url", simulator.baseUrl());
        settings.put("token", TOKEN);
        settings.put("page-size", String.valueOf(PAGE_SIZE));
        settings.put("response-timeout", responseTimeout.toString());
        return settings;
    }

    private static ScimConnector connector(Map<String, String> settings, Clock clock) {
        return new ScimConnector(
                ScimSettings.from(ConnectorSettings.of(ScimSettings.TYPE, ScimSettings.SCHEMA, settings)), clock);
    }

    private static <T> List<List<T>> read(Stream<List<T>> pages) {
        try (pages) {
            return pages.toList();
        }
    }
}
