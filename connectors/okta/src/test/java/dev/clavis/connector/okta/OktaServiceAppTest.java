package dev.clavis.connector.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.clavis.connector.okta.simulator.OktaSimulator;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An OAuth 2.0 service app signing in with a private-key JWT, against the simulator's token endpoint. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OktaServiceAppTest {

    private static final String CLIENT_ID = "0oa1serviceapp";
    private static final Set<String> SCOPES =
            Set.of("okta.users.read", "okta.users.manage", "okta.groups.read", "okta.groups.manage", "okta.logs.read");

    private OktaSimulator simulator;
    private RSAKey key;

    @BeforeAll
    void start() throws Exception {
        simulator = OktaSimulator.start(Simulators.TOKEN);
        key = new RSAKeyGenerator(2048).keyID("clavis-1").generate();
        simulator.registerServiceApp(CLIENT_ID, key.toPublicJWK(), SCOPES);
    }

    @AfterAll
    void stop() {
        simulator.close();
        assertThat(simulator.violations()).isEmpty();
    }

    @Test
    void aServiceAppWithAJwkReadsAndChangesMemberships() {
        DirectoryConnector connector = serviceApp(Map.of("private-key", key.toJSONString()));
        long tokensBefore = tokenRequests();
        String group = simulator.createGroup("oauth-app", null);
        String person = simulator.createUser("oauth@example.test", "O", "Auth", null, null, null, null);

        assertThatCode(connector::verify).doesNotThrowAnyException();
        assertThat(((MembershipProvisioning) connector).addMember(new MembershipChange(group, person)))
                .isEqualTo(AddOutcome.ADDED);

        assertThat(simulator.members(group)).containsExactly(person);
        assertThat(tokenRequests() - tokensBefore).as("one access token serves every call").isOne();
    }

    private long tokenRequests() {
        return simulator.requests().stream().filter(r -> r.equals("POST /oauth2/v1/token")).count();
    }

    @Test
    void aServiceAppWithAPemKeyAndItsKeyIdSignsIn() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        DirectoryConnector connector = serviceApp(Map.of("private-key", pem, "key-id", "clavis-1"));

        assertThatCode(connector::verify).doesNotThrowAnyException();
    }

    @Test
    void aKeyOktaDoesNotKnowIsRefusedPermanentlyNamingTheSettings() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("other").generate();
        DirectoryConnector connector = serviceApp(Map.of("private-key", stranger.toJSONString()));

        assertThatThrownBy(connector::verify)
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("CLAVIS_OKTA_PRIVATE_KEY");
    }

    @Test
    void scopesTheAppWasNotGrantedAreRefused() {
        DirectoryConnector connector = serviceApp(Map.of("private-key", key.toJSONString(),
                "scopes", "okta.users.read okta.apps.manage"));

        assertThatThrownBy(connector::verify)
                .isInstanceOf(PermanentConnectorException.class).hasMessageContaining("invalid_scope");
    }

    private DirectoryConnector serviceApp(Map<String, String> more) {
        var settings = new HashMap<String, String>(more);
        settings.put("client-id", CLIENT_ID);
        return Simulators.serviceAppConnector(simulator, settings);
    }
}
