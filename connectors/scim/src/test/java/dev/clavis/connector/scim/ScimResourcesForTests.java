package dev.clavis.connector.scim;

import dev.clavis.connector.testkit.TestPerson;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Users and groups as an administrator of a SCIM server would create them, by RFC 7643's schemas. */
final class ScimResourcesForTests {

    private ScimResourcesForTests() {}

    static ObjectNode user(TestPerson person) {
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        var schemas = user.putArray("schemas").add(ScimSchemas.USER);
        user.put("userName", person.email());
        user.putObject("name").put("givenName", person.givenName()).put("familyName", person.familyName());
        user.put("displayName", person.displayName());
        user.putArray("emails").addObject().put("value", person.email()).put("type", "work").put("primary", true);
        if (person.title() != null) {
            user.put("title", person.title());
        }
        if (person.employeeType() != null) {
            user.put("userType", person.employeeType());
        }
        user.put("active", true);
        if (person.department() != null || person.managerId() != null) {
            schemas.add(ScimSchemas.ENTERPRISE_USER);
            ObjectNode enterprise = user.putObject(ScimSchemas.ENTERPRISE_USER);
            if (person.department() != null) {
                enterprise.put("department", person.department());
            }
            if (person.managerId() != null) {
                enterprise.putObject("manager").put("value", person.managerId());
            }
        }
        return user;
    }

    static ObjectNode group(String name) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.putArray("schemas").add(ScimSchemas.GROUP);
        group.put("displayName", name);
        return group;
    }
}
