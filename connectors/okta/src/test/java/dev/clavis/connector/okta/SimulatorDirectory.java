package dev.clavis.connector.okta;

import dev.clavis.connector.okta.simulator.OktaSimulator;
import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The simulated org behind the connector under test, set up through the simulator's own means. */
record SimulatorDirectory(OktaSimulator simulator, int pageSize) implements TestDirectory {

    @Override
    public String createPerson(TestPerson person) {
        return simulator.createUser(person.email(), person.givenName(), person.familyName(), person.department(),
                person.title(), person.managerId(), person.employeeType());
    }

    @Override
    public String createGroup(String name, @Nullable String description) {
        return simulator.createGroup(name, description);
    }

    @Override
    public void addMember(String groupId, String personId) {
        simulator.addMember(groupId, personId);
    }

    @Override
    public List<String> members(String groupId) {
        return simulator.members(groupId);
    }

    @Override
    public String unknownGroupId() {
        return "00g0unknown0group0x7";
    }

    @Override
    public String unknownPersonId() {
        return "00u0unknown0person07";
    }
}
