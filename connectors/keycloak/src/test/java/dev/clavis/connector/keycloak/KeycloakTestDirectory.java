package dev.clavis.connector.keycloak;

import dev.clavis.connector.keycloak.testserver.KeycloakRealm;
import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The realm seen through its administrator's admin API calls; a manager is stored as their email. */
final class KeycloakTestDirectory implements TestDirectory {

    static final int PAGE_SIZE = 10;

    private final KeycloakRealm realm;

    KeycloakTestDirectory(KeycloakRealm realm) {
        this.realm = realm;
    }

    @Override
    public String createPerson(TestPerson person) {
        Map<String, @Nullable String> attributes = new HashMap<>();
        attributes.put("department", person.department());
        attributes.put("title", person.title());
        attributes.put("manager", person.managerId() == null ? null : realm.email(person.managerId()));
        attributes.put("employeeType", person.employeeType());
        return realm.createPerson(person.email(), person.givenName(), person.familyName(), attributes);
    }

    @Override
    public String createGroup(String name, @Nullable String description) {
        return realm.createGroup(name, description);
    }

    @Override
    public void addMember(String groupId, String personId) {
        realm.addMember(groupId, personId);
    }

    @Override
    public List<String> members(String groupId) {
        return realm.members(groupId);
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
        return PAGE_SIZE;
    }
}
