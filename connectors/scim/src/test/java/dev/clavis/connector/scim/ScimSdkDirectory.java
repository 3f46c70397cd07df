package dev.clavis.connector.scim;

import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The SCIM-SDK server's directory, set up and read through the server's own request handling in-process. */
record ScimSdkDirectory(ScimSdkServer server, int pageSize) implements TestDirectory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String createPerson(TestPerson person) {
        return id(call(HttpMethod.POST, "/Users", ScimResourcesForTests.user(person).toString()));
    }

    @Override
    public String createGroup(String name, @Nullable String description) {
        return id(call(HttpMethod.POST, "/Groups", ScimResourcesForTests.group(name).toString()));
    }

    @Override
    public boolean groupsHaveDescriptions() {
        return false;
    }

    @Override
    public void addMember(String groupId, String personId) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putArray("schemas").add(ScimSchemas.PATCH_OP);
        patch.putArray("Operations").addObject().put("op", "add").put("path", "members")
                .putArray("value").addObject().put("value", personId).put("type", "User");
        call(HttpMethod.PATCH, "/Groups/" + groupId, patch.toString());
    }

    void removeMember(String groupId, String personId) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putArray("schemas").add(ScimSchemas.PATCH_OP);
        patch.putArray("Operations").addObject().put("op", "remove")
                .put("path", "members[value eq \"" + personId + "\"]");
        call(HttpMethod.PATCH, "/Groups/" + groupId, patch.toString());
    }

    @Override
    public List<String> members(String groupId) {
        var values = new ArrayList<String>();
        call(HttpMethod.GET, "/Groups/" + groupId + "?attributes=members", null).path("members")
                .forEach(member -> values.add(member.path("value").asString()));
        return values;
    }

    @Override
    public String unknownGroupId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String unknownPersonId() {
        return UUID.randomUUID().toString();
    }

    private JsonNode call(HttpMethod method, String path, @Nullable String body) {
        ScimResponse response = server.administer(method, path, body);
        if (response.getHttpStatus() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.getHttpStatus() + ": "
                    + response);
        }
        return JSON.readTree(response.toString());
    }

    private static String id(JsonNode resource) {
        return resource.path("id").asString();
    }
}
