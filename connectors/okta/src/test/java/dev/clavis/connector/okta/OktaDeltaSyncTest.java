package dev.clavis.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.okta.simulator.OktaSimulator;
import dev.clavis.connector.spi.DeltaPage;
import dev.clavis.connector.spi.DeltaSync;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Changes since a cursor, from Okta's lastUpdated filters and its System Log, against the simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OktaDeltaSyncTest {

    private OktaSimulator simulator;
    private DirectoryConnector connector;

    @BeforeAll
    void start() {
        simulator = OktaSimulator.start(Simulators.TOKEN);
        connector = Simulators.connector(simulator, Map.of());
    }

    @AfterAll
    void everyCallWasOneOktaAllows() {
        simulator.close();
        assertThat(simulator.violations()).isEmpty();
    }

    @Test
    void changesSinceACursorNameNewPeopleAndGroupsMembershipsAddedAndRemovedAndDeletedPeople() {
        String cursor = delta().currentCursor();
        String ann = simulator.createUser("ann@example.test", "Ann", "Added", null, null, null, null);
        String bob = simulator.createUser("bob@example.test", "Bob", "Removed", null, null, null, null);
        String gone = simulator.createUser("gone@example.test", "Gus", "Gone", null, null, null, null);
        String group = simulator.createGroup("delta-group", null);
        simulator.addMember(group, bob);
        provisioning().addMember(new MembershipChange(group, ann));
        provisioning().removeMember(new MembershipChange(group, bob));
        simulator.deleteUser(gone);

        List<DeltaPage> pages;
        try (var read = delta().changesSince(cursor)) {
            pages = read.toList();
        }

        assertThat(all(pages, DeltaPage::changedPeople)).extracting(DirectoryPerson::id).contains(ann, bob);
        assertThat(all(pages, DeltaPage::changedGroups)).extracting(DirectoryGroup::id).contains(group);
        assertThat(all(pages, DeltaPage::addedMemberships)).contains(new DirectoryMembership(group, ann));
        assertThat(all(pages, DeltaPage::removedMemberships)).contains(new DirectoryMembership(group, bob));
        assertThat(all(pages, DeltaPage::removedPeople)).containsExactly(gone);
        assertThat(pages).allSatisfy(page -> assertThat(page.nextCursor()).isGreaterThanOrEqualTo(cursor));
    }

    @Test
    void aCursorThatIsNotATimeIsRefusedSoTheSyncReadsEverything() {
        assertThatThrownBy(() -> delta().changesSince("not-a-time").toList())
                .isInstanceOf(PermanentConnectorException.class);
    }

    private static <T> List<T> all(List<DeltaPage> pages, Function<DeltaPage, List<T>> part) {
        return pages.stream().flatMap(page -> part.apply(page).stream()).toList();
    }

    private DeltaSync delta() {
        return (DeltaSync) connector;
    }

    private MembershipProvisioning provisioning() {
        return (MembershipProvisioning) connector;
    }
}
