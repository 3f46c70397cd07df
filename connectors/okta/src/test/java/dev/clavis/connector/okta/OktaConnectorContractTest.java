package dev.clavis.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.okta.simulator.OktaSimulator;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connector test kit against a simulated Okta org that checks every call against Okta's API description. */
class OktaConnectorContractTest extends DirectoryConnectorContract {

    private OktaSimulator simulator;
    private DirectoryConnector connector;

    @BeforeAll
    void start() {
        simulator = OktaSimulator.start(Simulators.TOKEN);
        connector = Simulators.connector(simulator, Map.of());
    }

    @AfterAll
    void everyCallWasOneOktaAllowsAndNoneDeactivated() {
        connector.close();
        simulator.close();
        assertThat(simulator.violations()).isEmpty();
        assertThat(simulator.requests())
                .noneMatch(request -> request.contains("/lifecycle/deactivate"))
                .noneMatch(request -> request.startsWith("DELETE /api/v1/users"));
    }

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return new SimulatorDirectory(simulator, Simulators.PAGE_SIZE);
    }
}
