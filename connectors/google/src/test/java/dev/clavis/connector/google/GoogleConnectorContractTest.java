package dev.clavis.connector.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The connector test kit against the Directory API simulator; every request is checked against Google's description. */
class GoogleConnectorContractTest extends DirectoryConnectorContract {

    private GoogleDirectorySimulator simulator;
    private DirectoryConnector connector;
    private TestDirectory directory;

    @BeforeAll
    void start() {
        simulator = GoogleDirectorySimulator.start();
        connector = Connectors.create(simulator);
        directory = new SimulatorTestDirectory(simulator);
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

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return directory;
    }
}
