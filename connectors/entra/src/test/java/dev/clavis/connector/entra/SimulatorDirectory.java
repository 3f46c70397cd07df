package dev.clavis.connector.entra;

import dev.clavis.connector.entra.simulator.GraphSimulator;
import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The simulated tenant, changed and inspected as an administrator would, not through the connector. */
final class SimulatorDirectory implements TestDirectory {

    private final GraphSimulator simulator;
    private final int pageSize;

    SimulatorDirectory(GraphSimulator simulator, int pageSize) {
        this.simulator = simulator;
        this.pageSize = pageSize;
    }

    @Override
    public String createPerson(TestPerson person) {
        String id = simulator.tenant().createUser(person.email(), person.givenName(), person.familyName(),
                person.department(), person.title(), person.employeeType());
        if (person.managerId() != null) {
            simulator.tenant().setManager(id, person.managerId());
        }
        return id;
    }

    @Override
    public String createGroup(String name, @Nullable String description) {
        return simulator.tenant().createGroup(name, description);
    }

    @Override
    public void addMember(String groupId, String personId) {
        simulator.tenant().addMember(groupId, personId);
    }

    @Override
    public List<String> members(String groupId) {
        return simulator.tenant().members(groupId);
    }

    @Override
    public String unknownGroupId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String unknownPersonId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public int pageSize() {
        return pageSize;
    }
}
