package dev.clavis.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.entra.simulator.GraphSimulator;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector test kit against the Graph simulator. After every test, the simulator must have seen
 * only requests that fit Graph's metadata, and no DELETE but {@code /groups/{id}/members/{id}/$ref}.
 */
class EntraConnectorContractTest extends DirectoryConnectorContract {

    private GraphSimulator simulator;
    private DirectoryConnector connector;
    private SimulatorDirectory directory;

    @BeforeAll
    void start(@TempDir Path dir) {
        simulator = GraphSimulator.start();
        // a member that is not a person, in a group of its own, which memberships() must leave out
        String devices = simulator.tenant().createGroup("devices", "managed laptops");
        simulator.tenant().addMember(devices, simulator.tenant().createDevice("laptop-1"));
        connector = SimulatedEntra.connector(simulator, dir, Map.of());
        directory = new SimulatorDirectory(simulator, 10);
    }

    @AfterEach
    void spokeOnlyGraph() {
        assertThat(simulator.violations()).isEmpty();
        assertThat(simulator.deletesOtherThanMemberReferences()).isEmpty();
    }

    @AfterAll
    void stop() {
        connector.close();
        simulator.close();
    }

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return directory;
    }
}
