package dev.clavis.connector.scim;

import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The simulator's state, set up and read as its administrator, not over SCIM. */
record SimulatorDirectory(SimulatedResources resources, int pageSize) implements TestDirectory {

    @Override
    public String createPerson(TestPerson person) {
        return resources.createUser(ScimResourcesForTests.user(person)).path("id").asString();
    }

    @Override
    public String createGroup(String name, @Nullable String description) {
        return resources.createGroup(ScimResourcesForTests.group(name)).path("id").asString();
    }

    @Override
    public boolean groupsHaveDescriptions() {
        return false;
    }

    @Override
    public void addMember(String groupId, String personId) {
        resources.addMember(groupId, personId, "User");
    }

    @Override
    public List<String> members(String groupId) {
        return resources.memberValues(groupId);
    }

    @Override
    public String unknownGroupId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String unknownPersonId() {
        return UUID.randomUUID().toString();
    }
}
