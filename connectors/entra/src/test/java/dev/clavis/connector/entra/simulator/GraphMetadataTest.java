package dev.clavis.connector.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The simulator's checks against Graph's CSDL refuse what Graph would refuse. */
class GraphMetadataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final GraphMetadata metadata = GraphMetadata.v1();

    @Test
    void aUserAsGraphDescribesItPasses() {
        ObjectNode user = JSON.createObjectNode().put("accountEnabled", true).put("displayName", "Ann Lee")
                .put("employeeType", "employee");
        user.putObject("passwordProfile").put("password", "x").put("forceChangePasswordNextSignIn", true);
        user.putObject("signInActivity").put("lastSignInDateTime", "0001-01-01T00:00:00Z");
        user.putObject("manager").put("@odata.type", "#microsoft.graph.user").put("id", "1");

        assertThat(metadata.check("microsoft.graph.user", user)).isEmpty();
    }

    @Test
    void anUnknownPropertyIsRefused() {
        assertThat(metadata.check("microsoft.graph.user", JSON.createObjectNode().put("title", "Analyst")))
                .singleElement().asString().contains("Invalid property 'title'");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThat(metadata.check("microsoft.graph.user", JSON.createObjectNode().put("accountEnabled", "false")))
                .singleElement().asString().contains("Edm.Boolean");
        assertThat(metadata.check("microsoft.graph.user",
                JSON.createObjectNode().putObject("signInActivity").put("lastSignInDateTime", "yesterday")))
                .isNotEmpty();
    }

    @Test
    void selectingAPropertyTheTypeLacksIsRefused() {
        assertThat(metadata.checkSelect("microsoft.graph.user", java.util.List.of("id", "jobTitle", "lastLogin")))
                .containsExactly("Could not find a property named 'lastLogin' on type 'microsoft.graph.user'.");
    }

    @Test
    void aMemberOfAnotherDirectoryTypeIsADirectoryObject() {
        assertThat(metadata.check("microsoft.graph.directoryObject",
                JSON.createObjectNode().put("@odata.type", "#microsoft.graph.device").put("id", "d"))).isEmpty();
        assertThat(metadata.check("microsoft.graph.directoryObject",
                JSON.createObjectNode().put("@odata.type", "#microsoft.graph.message").put("id", "m"))).isNotEmpty();
    }
}
