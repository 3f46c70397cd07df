package dev.clavis.connector.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.PersonStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How users and groups as servers send them become people, groups and memberships. */
class ResourceMappingTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void thePrimaryEmailWinsOverAWorkOneListedFirst() {
        DirectoryPerson person = UserResources.person(json("""
                {"id": "u1", "userName": "ann", "emails": [
                  {"value": "ann@work.test", "type": "work"}, {"value": "ann@home.test", "primary": true}]}"""));

        assertThat(person.email()).isEqualTo("ann@home.test");
    }

    @Test
    void withoutAPrimaryEmailTheWorkOneIsTakenAndWithoutEmailsAUserNameThatIsAnAddress() {
        assertThat(UserResources.person(json("""
                {"id": "u1", "emails": [{"value": "a@home.test", "type": "home"}, {"value": "a@work.test", "type": "work"}]}
                """)).email()).isEqualTo("a@work.test");
        assertThat(UserResources.person(json("""
                {"id": "u2", "userName": "bo@example.test"}""")).email()).isEqualTo("bo@example.test");
        assertThat(UserResources.person(json("""
                {"id": "u3", "userName": "cy"}""")).email()).isEmpty();
    }

    @Test
    void theNameFallsBackFromDisplayNameToTheNamePartsToTheUserName() {
        assertThat(UserResources.person(json("""
                {"id": "u1", "userName": "dee", "name": {"formatted": "Ms Dee Dow", "givenName": "Dee"}}
                """)).displayName()).isEqualTo("Ms Dee Dow");
        assertThat(UserResources.person(json("""
                {"id": "u2", "userName": "dee", "name": {"givenName": "Dee", "familyName": "Dow"}}
                """)).displayName()).isEqualTo("Dee Dow");
        assertThat(UserResources.person(json("""
                {"id": "u3", "userName": "dee"}""")).displayName()).isEqualTo("dee");
    }

    @Test
    void theEnterpriseExtensionGivesDepartmentAndManagerAndInactiveMeansSuspended() {
        DirectoryPerson person = UserResources.person(json("""
                {"id": "u1", "userName": "e", "title": "Rep", "userType": "Contractor", "active": false,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                   "department": "Sales", "manager": {"$ref": "https://idp.test/scim/v2/Users/m-9"}}}"""));

        assertThat(person.department()).isEqualTo("Sales");
        assertThat(person.managerId()).isEqualTo("m-9");
        assertThat(person.title()).isEqualTo("Rep");
        assertThat(person.employeeType()).isEqualTo("Contractor");
        assertThat(person.status()).isEqualTo(PersonStatus.SUSPENDED);
    }

    @Test
    void aUserWithoutAnIdIsABrokenAnswer() {
        assertThatThrownBy(() -> UserResources.person(json("""
                {"userName": "nobody"}""")))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("without an id");
    }

    @Test
    void membersThatAreGroupsByTypeOrByReferenceAreNotPeople() {
        JsonNode group = json("""
                {"id": "g1", "displayName": "eng", "members": [
                  {"value": "u1", "type": "User"},
                  {"value": "g2", "type": "Group"},
                  {"value": "g3", "$ref": "https://idp.test/scim/v2/Groups/g3"},
                  {"value": "u4", "$ref": "https://idp.test/scim/v2/Users/u4"},
                  {"value": "u5"}]}""");

        assertThat(GroupResources.personMembers(group)).containsExactly("u1", "u4", "u5");
    }

    private JsonNode json(String text) {
        return json.readTree(text);
    }
}
