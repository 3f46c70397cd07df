package dev.clavis.connector.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.LoginActivity;
import dev.clavis.connector.spi.PersonStatus;
import dev.clavis.connector.testkit.TestPerson;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the connector reads from Google's resources beyond what the test kit checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleReadingTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private GoogleDirectorySimulator simulator;
    private SimulatorTestDirectory directory;
    private DirectoryConnector connector;

    @BeforeAll
    void start() {
        simulator = GoogleDirectorySimulator.start();
        directory = new SimulatorTestDirectory(simulator);
        connector = Connectors.create(simulator);
    }

    @AfterEach
    void everyRequestMatchedGooglesDescription() {
        assertThat(simulator.violations()).isEmpty();
    }

    @AfterAll
    void stop() {
        connector.close();
        simulator.close();
    }

    @Test
    void aManagerListedOnALaterPageIsFoundByEmail() {
        String report = person(null);
        for (int i = 0; i < SimulatorTestDirectory.PAGE_SIZE; i++) {
            person(null);
        }
        String manager = person(null);
        setManager(report, manager);

        assertThat(listed(report).managerId()).isEqualTo(manager);
    }

    @Test
    void aManagerListedEarlierInTheSameReadCostsNoLookup() {
        String manager = person(null);
        String report = person(manager);
        String managerEmail = simulator.state(d -> d.user(manager).orElseThrow().path("primaryEmail").asString());
        int before = simulator.calls().size();

        assertThat(listed(report).managerId()).isEqualTo(manager);

        assertThat(simulator.calls().subList(before, simulator.calls().size()))
                .noneMatch(call -> call.startsWith("GET /admin/directory/v1/users/" + managerEmail.replace("@", "%40")));
    }

    @Test
    void peopleArePulledFromGoogleOnePageAtATime() {
        for (int i = 0; i < 2 * SimulatorTestDirectory.PAGE_SIZE; i++) {
            person(null);
        }
        long before = userListCalls();

        try (Stream<List<DirectoryPerson>> pages = connector.people()) {
            assertThat(userListCalls()).isEqualTo(before);
            var iterator = pages.iterator();
            iterator.next();
            assertThat(userListCalls()).isEqualTo(before + 1);
            iterator.next();
            assertThat(userListCalls()).isEqualTo(before + 2);
        }
    }

    @Test
    void aManagerOutsideTheDirectoryIsNoManager() {
        String report = person(null);
        simulator.state(d -> d.user(report).orElseThrow().putArray("relations").addObject()
                .put("value", "boss@partner.example").put("type", "manager"));

        assertThat(listed(report).managerId()).isNull();
    }

    @Test
    void departmentAndTitleComeFromThePrimaryOrganization() {
        String person = person(null);
        simulator.state(d -> {
            var organizations = d.user(person).orElseThrow().putArray("organizations");
            organizations.addObject().put("department", "Old").put("title", "Former").put("primary", false);
            organizations.addObject().put("department", "Finance").put("title", "Controller").put("primary", true);
            return null;
        });

        DirectoryPerson listed = listed(person);
        assertThat(listed.department()).isEqualTo("Finance");
        assertThat(listed.title()).isEqualTo("Controller");
    }

    @Test
    void theLastSignInIsReportedAndTheEpochMeansNever() {
        String signedIn = person(null);
        String never = person(null);
        Instant at = Instant.parse("2026-11-02T08:15:30Z");
        simulator.state(d -> {
            d.recordSignIn(signedIn, at);
            return null;
        });

        assertThat(listed(signedIn).lastLoginAt()).isEqualTo(at);
        assertThat(((LoginActivity) connector).lastLogin(signedIn)).contains(at);
        assertThat(listed(never).lastLoginAt()).isNull();
    }

    @Test
    void suspendedAndArchivedPeopleAreSuspended() {
        String suspended = person(null);
        String archived = person(null);
        simulator.state(d -> {
            d.user(suspended).orElseThrow().put("suspended", true);
            d.user(archived).orElseThrow().put("archived", true);
            return null;
        });

        assertThat(listed(suspended).status()).isEqualTo(PersonStatus.SUSPENDED);
        assertThat(listed(archived).status()).isEqualTo(PersonStatus.SUSPENDED);
    }

    @Test
    void membersThatAreGroupsAreLeftOut() {
        String outer = directory.createGroup(name("outer"), null);
        String inner = directory.createGroup(name("inner"), null);
        String person = person(null);
        directory.addMember(outer, person);
        simulator.state(d -> {
            d.addGroupMember(outer, inner);
            return null;
        });

        assertThat(memberships()).filteredOn(m -> m.groupId().equals(outer))
                .containsExactly(new DirectoryMembership(outer, person));
    }

    @Test
    void aLargePageSizeStaysWithinGooglesCapForGroupsAndMembers() {
        directory.addMember(directory.createGroup(name("capped"), null), person(null));
        var settings = Connectors.settings(simulator);
        settings.put("page-size", "500");

        try (DirectoryConnector large = Connectors.create(settings)) {
            assertThat(large.groups().flatMap(List::stream).count()).isPositive();
            assertThat(large.memberships().flatMap(List::stream).count()).isPositive();
            assertThat(large.people().flatMap(List::stream).count()).isPositive();
        }

        assertThat(simulator.violations()).isEmpty();
        assertThat(simulator.calls()).anyMatch(call -> call.contains("/users?") && call.contains("maxResults=500"));
    }

    @Test
    void aDomainSettingReadsOnlyThatDomain() {
        person(null);
        var settings = Connectors.settings(simulator);
        settings.put("domain", GoogleDirectorySimulator.DOMAIN);

        try (DirectoryConnector oneDomain = Connectors.create(settings);
                Stream<List<DirectoryPerson>> pages = oneDomain.people()) {
            assertThat(pages.flatMap(List::stream).map(DirectoryPerson::email))
                    .isNotEmpty()
                    .allMatch(email -> email.endsWith("@" + GoogleDirectorySimulator.DOMAIN));
        }
    }

    private long userListCalls() {
        return simulator.calls().stream().filter(call -> call.startsWith("GET /admin/directory/v1/users?")).count();
    }

    private String person(String managerId) {
        return directory.createPerson(new TestPerson(name("r") + "@example.test", "Rea", "Ding", "dept", "Reader",
                managerId, "employee"));
    }

    private void setManager(String personId, String managerId) {
        simulator.state(d -> {
            String email = d.user(managerId).orElseThrow().path("primaryEmail").asString();
            return d.user(personId).orElseThrow().putArray("relations").addObject()
                    .put("value", email).put("type", "manager");
        });
    }

    private DirectoryPerson listed(String id) {
        try (Stream<List<DirectoryPerson>> pages = connector.people()) {
            return pages.flatMap(List::stream).filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private List<DirectoryMembership> memberships() {
        try (Stream<List<DirectoryMembership>> pages = connector.memberships()) {
            return pages.flatMap(List::stream).toList();
        }
    }

    private static String name(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }
}
