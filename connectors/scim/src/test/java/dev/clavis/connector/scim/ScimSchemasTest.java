package dev.clavis.connector.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.spi.NewUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's oracle refuses what the SCIM schemas forbid, and accepts what the connector sends. */
class ScimSchemasTest {

    private final ScimSchemas schemas = new ScimSchemas();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theUsersTheConnectorCreatesFollowTheUserSchemaAndItsEnterpriseExtension() {
        var user = new NewUser("ann@example.test", "Ann", "Lee", "Sales", "Rep", "manager-id", "Contractor");

        assertThat(schemas.creationProblems("User", UserResources.resource(user))).isEmpty();
    }

    @Test
    void thePatchesTheConnectorSendsFollowThePatchOpMessage() {
        assertThat(schemas.patchProblems("Group", PatchOps.addMember("p-1"))).isEmpty();
        assertThat(schemas.patchProblems("Group", PatchOps.removeMember("\"p-1\""))).isEmpty();
        assertThat(schemas.patchProblems("User", PatchOps.deactivate())).isEmpty();
    }

    @Test
    void anAttributeTheSchemaLacksIsAProblem() {
        assertThat(schemas.creationProblems("User", body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "a", "mail": "a@x"}""")))
                .containsExactly("unknown attribute mail of urn:ietf:params:scim:schemas:core:2.0:User");
    }

    @Test
    void aReadOnlyAttributeSentByTheClientIsAProblem() {
        assertThat(schemas.creationProblems("User", body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "a", "id": "x",
                 "groups": [{"value": "g"}]}""")))
                .contains("id is read-only; a client must not send it", "groups is read-only; a client must not send it");
    }

    @Test
    void aValueOfTheWrongTypeIsAProblem() {
        assertThat(schemas.creationProblems("User", body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "a", "active": "yes",
                 "emails": {"value": "a@x"}}""")))
                .contains("active must be of type boolean, not \"yes\"", "emails is multi-valued and must be an array");
    }

    @Test
    void anExtensionNotListedInSchemasAndAMissingUserNameAreProblems() {
        assertThat(schemas.creationProblems("User", body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "x"}}""")))
                .contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User is sent but not listed in schemas",
                        "required attribute userName is missing");
    }

    @Test
    void aPatchWithoutItsSchemaOrWithAnUnknownOpIsAProblem() {
        assertThat(schemas.patchProblems("Group", body("""
                {"Operations": [{"op": "delete", "path": "members"}]}""")))
                .contains("schemas must be exactly [urn:ietf:params:scim:api:messages:2.0:PatchOp]",
                        "Operations[0].op must be add, remove or replace, not 'delete'");
    }

    @Test
    void aRemovalWithoutAPathOrWithAValueIsAProblem() {
        assertThat(schemas.patchProblems("Group", body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "remove"}, {"op": "remove", "path": "members", "value": [{"value": "p"}]}]}""")))
                .contains("Operations[0] removes without a path",
                        "Operations[1] removes with a value; a remove names its target in the path only");
    }

    @Test
    void aPathToAnUnknownOrReadOnlyAttributeIsAProblem() {
        assertThat(schemas.patchProblems("User", body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "enabled", "value": false},
                                {"op": "replace", "path": "id", "value": "x"},
                                {"op": "remove", "path": "emails[mail eq \\"a@x\\"]"}]}""")))
                .contains("Operations[0].path 'enabled' names no attribute of a User",
                        "Operations[1] changes id, which is read-only",
                        "Operations[2].path filters on mail, which emails does not have");
    }

    @Test
    void anAddedMemberWithAnUnknownSubAttributeIsAProblem() {
        assertThat(schemas.patchProblems("Group", body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "members", "value": [{"id": "p"}]}]}""")))
                .containsExactly("Operations[0].value[] has an unknown sub-attribute id");
    }

    private JsonNode body(String text) {
        return json.readTree(text);
    }
}
