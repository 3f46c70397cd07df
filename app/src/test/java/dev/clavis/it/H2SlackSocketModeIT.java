package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import dev.clavis.support.SlackSimulator;
import dev.clavis.support.SlackSocketMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Slack app with an app-level token: Clavis opens the Socket Mode connection to the simulated
 * workspace and Slack's calls come as envelopes over it, to be acknowledged and handled as the
 * signed HTTP calls are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2SlackSocketModeIT extends RunningClavis {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final SlackSimulator SLACK = new SlackSimulator();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static final String GROUP = "cn=socket-quick,ou=groups," + BASE_DN;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        registry.add("clavis.slack.bot-token", () -> SlackSimulator.BOT_TOKEN);
        registry.add("clavis.slack.signing-secret", () -> "slack-signing-secret-for-tests");
        registry.add("clavis.slack.app-token", () -> SlackSimulator.APP_TOKEN);
        registry.add("clavis.slack.api-base-url", SLACK::apiBaseUrl);
        registry.add("clavis.slack.per-conversation-interval", () -> "PT0.2S");
    }

    @BeforeAll
    void lab() throws Exception {
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            ldap.add(GROUP, new Attribute("objectClass", "top", "groupOfNames"), new Attribute("cn", "socket-quick"),
                    new Attribute("member", "uid=maria.lopez," + PEOPLE));
            for (int i = 1; i <= 3; i++) {
                String uid = "socket.user" + i;
                ldap.add("uid=" + uid + "," + PEOPLE, new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                        new Attribute("uid", uid), new Attribute("cn", "Socket User " + i), new Attribute("sn", "User"),
                        new Attribute("mail", uid + "@acme.test"), new Attribute("departmentNumber", "Engineering"),
                        new Attribute("title", "Engineer"), new Attribute("employeeType", "employee"),
                        new Attribute("manager", "uid=maria.lopez," + PEOPLE));
                SLACK.user(user(i), uid + "@acme.test");
            }
        }
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");
        String catalog = admin().get("/api/v1/catalog").body() + """
                  - id: socketlab
                    name: Socket Lab
                    owners: [priya.shah@acme.test]
                    roles:
                      - id: quick
                        groups: [socket-quick]
                        risk: low
                        durations: [PT1H]
                        approval: auto
                """;
        var applied = admin().put("/api/v1/catalog?dryRun=false", catalog, "application/yaml");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(socket()::connected);
    }

    @AfterEach
    void slackWasAskedOnlyWhatItsDescriptionAllows() {
        assertThat(SLACK.violations()).isEmpty();
    }

    @AfterAll
    void closeSlack() {
        SLACK.close();
    }

    @Test
    void aRequestOverSocketModeForAnAutoApprovedRoleEndsInTheGroupWithAGrantedMessage() throws Exception {
        String envelope = socket().push("slash_commands", command(user(1), "socketlab quick 1h because on call tonight", "granted"));

        awaitAck(envelope);
        await().atMost(Duration.ofSeconds(30)).until(() -> members().contains("uid=socket.user1," + PEOPLE));
        await().atMost(Duration.ofSeconds(20)).until(() -> granted(user(1)).size() == 1);
        assertThat(granted(user(1)).get(0).text()).contains("socketlab/quick").contains("socket-quick");
        assertThat(SLACK.responsesTo("granted")).singleElement()
                .satisfies(r -> assertThat(r.get("response_type").asString()).isEqualTo("ephemeral"));
    }

    @Test
    void anEnvelopeSlackSendsAgainHasOneEffectAndBothAreAcknowledged() throws Exception {
        JsonNode command = command(user(2), "socketlab quick 1h for the release", "twice");
        String envelope = UUID.randomUUID().toString();

        socket().push(envelope, "slash_commands", command, 0);
        awaitAck(envelope);
        socket().push(envelope, "slash_commands", command, 1);
        awaitAck(envelope);

        await().atMost(Duration.ofSeconds(30)).until(() -> members().contains("uid=socket.user2," + PEOPLE));
        await().atMost(Duration.ofSeconds(20)).until(() -> granted(user(2)).size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> granted(user(2)).size() == 1 && SLACK.responsesTo("twice").size() == 1);
    }

    @Test
    void anEventIsAcknowledgedAndAnAppSearchIsAnsweredInItsAcknowledgement() {
        ObjectNode event = JSON.createObjectNode().put("type", "event_callback").put("event_id", "Ev" + UUID.randomUUID());
        event.putObject("event").put("type", "app_home_opened").put("user", user(3));
        assertThat(awaitAck(socket().push("events_api", event)).has("payload")).isFalse();

        ObjectNode suggestion = JSON.createObjectNode().put("type", "block_suggestion").put("action_id", "app").put("value", "socket");
        suggestion.putObject("user").put("id", user(3));
        JsonNode answer = awaitAck(socket().push("interactive", suggestion));
        assertThat(answer.path("payload").path("options").toString()).contains("socketlab");
    }

    @Test
    void aDroppedConnectionIsOpenedAgainAndCarriesTheNextRequest() throws Exception {
        int opened = socket().connectionsOpened();
        socket().dropConnections();
        await().atMost(Duration.ofSeconds(60)).until(() -> socket().connectionsOpened() > opened && socket().connected());

        awaitAck(socket().push("slash_commands", command(user(3), "socketlab quick 1h after the reconnect", "reconnected")));
        await().atMost(Duration.ofSeconds(30)).until(() -> members().contains("uid=socket.user3," + PEOPLE));
    }

    private static SlackSocketMode socket() {
        return SLACK.socketMode();
    }

    private static JsonNode awaitAck(String envelope) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> socket().ack(envelope).orElse(null), ack -> ack != null);
    }

    /** A {@code /request} as the payload of a {@code slash_commands} envelope. */
    private static JsonNode command(String user, String text, String responseId) {
        return JSON.createObjectNode().put("token", "verification-token-unused").put("team_id", "TSIM").put("team_domain", "acme")
                .put("channel_id", "C0SIM").put("channel_name", "general").put("user_id", user).put("user_name", user.toLowerCase())
                .put("command", "/request").put("text", text).put("api_app_id", "ASIM").put("is_enterprise_install", "false")
                .put("response_url", SLACK.responseUrl(responseId)).put("trigger_id", "T-" + UUID.randomUUID());
    }

    private static List<SlackSimulator.Message> granted(String user) {
        return SLACK.messagesTo(user).stream().filter(m -> m.text().contains("You have")).toList();
    }

    private static String user(int i) {
        return "USOCKET" + i;
    }

    private List<String> members() throws Exception {
        try (LDAPConnection ldap = ldap(LDAP_PORT)) {
            String[] members = ldap.getEntry(GROUP).getAttributeValues("member");
            return members == null ? List.of() : List.of(members);
        }
    }
}
