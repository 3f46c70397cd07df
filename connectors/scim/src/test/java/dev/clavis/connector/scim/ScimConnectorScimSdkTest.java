package dev.clavis.connector.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract against an independent SCIM 2.0 implementation, Captain-P-Goldfish's SCIM-SDK. */
class ScimConnectorScimSdkTest extends DirectoryConnectorContract {

    private static final String TOKEN = "sdk-token-7c41d0";
    private static final int PAGE_SIZE = 7;

    private ScimSdkServer server;
    private DirectoryConnector connector;
    private ScimSdkDirectory directory;

    @BeforeAll
    void startServer() {
        server = new ScimSdkServer(TOKEN, true);
        connector = connector(settings(TOKEN));
        directory = new ScimSdkDirectory(server, PAGE_SIZE);
    }

    @AfterAll
    void stopServer() {
        connector.close();
        server.close();
    }

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return directory;
    }

    @Test
    void aTokenTheServerRefusesIsPermanentAndNeverInTheMessage() {
        try (DirectoryConnector refused = connector(settings("not-the-token-93e2"))) {
            assertThatThrownBy(refused::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("CLAVIS_SCIM_TOKEN")
                    .message().doesNotContain("not-the-token-93e2");
        }
    }

    /**
     * The SDK answers a removal whose filter matches nobody with a plain success, not RFC 7644's noTarget,
     * so a removal that races another administrator's cannot be told from one that removed: either answer
     * is right, as long as the person is gone and the change does not fail.
     */
    @Test
    void aRemovalRacingAnotherAdministratorsRemovalLeavesThePersonRemoved() {
        String group = directory.createGroup(uniqueName("race"), null);
        String person = newPerson();
        String other = newPerson();
        directory.addMember(group, person);
        directory.addMember(group, other);
        server.beforeNextPatch(() -> directory.removeMember(group, person));

        assertThat(((MembershipProvisioning) connector).removeMember(new MembershipChange(group, person)))
                .isIn(RemoveOutcome.REMOVED, RemoveOutcome.NOT_A_MEMBER);

        assertThat(directory.members(group)).containsExactly(other);
    }

    /** Told not to filter, the SDK ignores filters; the connector then reads groups' members instead. */
    @Test
    void aServerThatDoesNotFilterHasMembershipsChangedAllTheSame() {
        try (var unfiltered = new ScimSdkServer(TOKEN, false); DirectoryConnector connector = connector(
                settings(unfiltered, TOKEN))) {
            var directory = new ScimSdkDirectory(unfiltered, PAGE_SIZE);
            var provisioning = (MembershipProvisioning) connector;
            String group = directory.createGroup("g", null);
            directory.createGroup("other", null);
            String person = directory.createPerson(new TestPerson("p@example.test", "P", "Q", null, null, null, null));
            var change = new MembershipChange(group, person);

            assertThat(provisioning.addMember(change)).isEqualTo(AddOutcome.ADDED);
            assertThat(provisioning.addMember(change)).isEqualTo(AddOutcome.ALREADY_MEMBER);
            assertThat(directory.members(group)).containsExactly(person);
            assertThat(provisioning.removeMember(change)).isEqualTo(RemoveOutcome.REMOVED);
            assertThat(provisioning.removeMember(change)).isEqualTo(RemoveOutcome.NOT_A_MEMBER);
            assertThat(directory.members(group)).isEmpty();
        }
    }

    private Map<String, String> settings(String token) {
        return settings(server, token);
    }

    private static Map<String, String> settings(ScimSdkServer server, String token) {
        var settings = new HashMap<String, String>();
        settings.put("base-url", server.baseUrl());
        settings.put("token", token);
        settings.put("page-size", String.valueOf(PAGE_SIZE));
        return settings;
    }

    /** Through ServiceLoader, as the application finds it. */
    private static DirectoryConnector connector(Map<String, String> given) {
        var factory = DirectoryConnectors.forType("scim").orElseThrow();
        return factory.create(ConnectorSettings.of("scim", factory.configSchema(), given));
    }
}
