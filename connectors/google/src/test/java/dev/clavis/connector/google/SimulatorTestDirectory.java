package dev.clavis.connector.google;

import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's directory as an administrator sees it in the Admin console. People get their
 * department, title and employee type in a primary organization and their manager as a relation by
 * email, where the Admin console puts them.
 */
final class SimulatorTestDirectory implements TestDirectory {

    static final int PAGE_SIZE = 10;

    private final GoogleDirectorySimulator simulator;

    SimulatorTestDirectory(GoogleDirectorySimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public String createPerson(TestPerson person) {
        return simulator.state(directory -> {
            ObjectNode user = directory.addUser(person.email(), person.givenName(), person.familyName());
            if (person.department() != null || person.title() != null || person.employeeType() != null) {
                ObjectNode organization = user.putArray("organizations").addObject()
                        .put("primary", true).put("customType", "");
                putIfPresent(organization, "department", person.department());
                putIfPresent(organization, "title", person.title());
                putIfPresent(organization, "description", person.employeeType());
            }
            if (person.managerId() != null) {
                String managerEmail = directory.user(person.managerId()).orElseThrow().path("primaryEmail").asString();
                user.putArray("relations").addObject().put("value", managerEmail).put("type", "manager");
            }
            return user.path("id").asString();
        });
    }

    /**
     * The contract names groups with plain words; the group's email address, which the connector reports
     * as its name, is given exactly that value.
     */
    @Override
    public String createGroup(String name, @Nullable String description) {
        return simulator.state(directory -> directory.addGroup(name, description));
    }

    @Override
    public void addMember(String groupId, String personId) {
        simulator.state(directory -> {
            directory.addMember(groupId, personId);
            return null;
        });
    }

    @Override
    public List<String> members(String groupId) {
        return simulator.state(directory -> directory.memberIds(groupId));
    }

    @Override
    public String unknownGroupId() {
        return "0ffffffffffffff";
    }

    @Override
    public String unknownPersonId() {
        return "199999999999999999999";
    }

    @Override
    public int pageSize() {
        return PAGE_SIZE;
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
