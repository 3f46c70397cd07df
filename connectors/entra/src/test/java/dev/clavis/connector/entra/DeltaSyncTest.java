package dev.clavis.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.entra.simulator.GraphSimulator;
import dev.clavis.connector.spi.DeltaPage;
import dev.clavis.connector.spi.DeltaSync;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Changes since a cursor, from Graph's users/delta and groups/delta (members@delta). */
class DeltaSyncTest {

    @TempDir
    Path dir;

    private GraphSimulator simulator;
    private DirectoryConnector connector;
    private String ann;
    private String bob;
    private String admins;

    @BeforeEach
    void start() {
        simulator = GraphSimulator.start();
        connector = SimulatedEntra.connector(simulator, dir, Map.of());
        ann = simulator.tenant().createUser("ann@acme.test", "Ann", "Lee", "Finance", "Analyst", null);
        bob = simulator.tenant().createUser("bob@acme.test", "Bob", "Ray", "Sales", null, null);
        admins = simulator.tenant().createGroup("payments-admins", null);
        simulator.tenant().addMember(admins, bob);
    }

    @AfterEach
    void stop() {
        assertThat(simulator.violations()).isEmpty();
        connector.close();
        simulator.close();
    }

    @Test
    void changesAfterTheCursorAreReportedAndNothingBefore() {
        String cursor = delta().currentCursor();
        String cid = simulator.tenant().createUser("cid@acme.test", "Cid", "Moe", "Legal", null, null);
        simulator.tenant().update(ann, JsonMapper.builder().build().createObjectNode().put("department", "Risk"));
        simulator.tenant().deleteUser(bob);
        String auditors = simulator.tenant().createGroup("auditors", "read-only");
        simulator.tenant().addMember(auditors, ann);
        simulator.tenant().addMember(auditors, simulator.tenant().createDevice("scanner"));
        simulator.tenant().updateGroup(admins, "payments-administrators");

        List<DeltaPage> pages = delta().changesSince(cursor).toList();

        assertThat(all(pages, DeltaPage::changedPeople)).extracting(DirectoryPerson::id).containsOnly(cid, ann);
        assertThat(all(pages, DeltaPage::changedPeople)).filteredOn(p -> p.id().equals(ann)).singleElement()
                .satisfies(person -> {
                    assertThat(person.department()).isEqualTo("Risk");
                    assertThat(person.title()).isEqualTo("Analyst");
                });
        assertThat(all(pages, DeltaPage::removedPeople)).containsExactly(bob);
        assertThat(all(pages, DeltaPage::changedGroups)).containsExactlyInAnyOrder(
                new DirectoryGroup(auditors, "auditors", "read-only"),
                new DirectoryGroup(admins, "payments-administrators", null));
        assertThat(all(pages, DeltaPage::addedMemberships)).containsExactly(new DirectoryMembership(auditors, ann));
        assertThat(all(pages, DeltaPage::removedMemberships)).containsExactly(new DirectoryMembership(admins, bob));

        String next = pages.get(pages.size() - 1).nextCursor();
        assertThat(delta().changesSince(next).flatMap(page -> page.changedPeople().stream())).isEmpty();
    }

    @Test
    void manyChangesArriveInSeveralPages() {
        String cursor = delta().currentCursor();
        for (int i = 0; i < 15; i++) {
            simulator.tenant().createUser("n" + i + "@acme.test", "N", "P" + i, null, null, null);
        }

        List<DeltaPage> pages = delta().changesSince(cursor).toList();

        assertThat(pages).hasSizeGreaterThan(2);
        assertThat(all(pages, DeltaPage::changedPeople)).hasSize(15);
    }

    @Test
    void aCursorGraphNoLongerKnowsIsRefusedPermanently() {
        String cursor = delta().currentCursor();
        String expired = cursor.replaceAll("deltatoken=[^\"]+", "deltatoken=ZXhwaXJlZA");

        assertThatThrownBy(() -> delta().changesSince(expired).toList())
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("read everything again");
    }

    @Test
    void aCursorNamingAnotherHostIsRefusedWithoutSendingItTheToken() {
        String cursor = delta().currentCursor().replace(simulator.graphBaseUrl(), "https://graph.example.test/v1.0");

        assertThatThrownBy(() -> delta().changesSince(cursor).toList())
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("outside graph-base-url");
    }

    private DeltaSync delta() {
        return (DeltaSync) connector;
    }

    private static <T> List<T> all(List<DeltaPage> pages, Function<DeltaPage, List<T>> part) {
        return pages.stream().flatMap(page -> part.apply(page).stream()).toList();
    }
}
