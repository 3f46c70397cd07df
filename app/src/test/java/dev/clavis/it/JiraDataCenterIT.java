package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.support.JiraSimulator;
import dev.clavis.support.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Clavis and Jira Data Center: REST v2, a personal access token, user names instead of account ids,
 * wiki-markup comments, and webhooks that carry the secret in their URL instead of a signature. On
 * PostgreSQL, where the Cloud test runs on H2, so the integration's queue runs on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Postgres.class)
class JiraDataCenterIT extends JiraLab {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final JiraSimulator JIRA = start();
    private static final Supplier<String> DATABASE = Postgres.newDatabase();

    private static JiraSimulator start() {
        try {
            return JiraSimulator.dataCenter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        jiraSettings(registry, JIRA, "datacenter");
        registry.add("spring.datasource.url", DATABASE::get);
        registry.add("spring.datasource.username", Postgres::user);
    }

    @BeforeAll
    void setUp() throws Exception {
        lab(LDAP_PORT, JIRA);
    }

    @AfterAll
    void noCallBrokeAtlassiansDescription() {
        try {
            assertThat(JIRA.violations()).isEmpty();
        } finally {
            JIRA.close();
        }
    }

    @Test
    void anIssueDeliveredWithTheSecretInItsUrlGoesToGrantedAndExpiredWithWikiMarkupComments() throws Exception {
        String created = JIRA.raise("jlab.user1@acme.test", "Test Lab", "staged", "PT20S", "release night");
        String key = keyOf(created);

        var wrongToken = deliver("/integrations/jira/webhook/not-the-secret", created, null, UUID.randomUUID().toString());
        var delivered = deliver("/integrations/jira/webhook/" + SECRET, created, null, UUID.randomUUID().toString());

        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(delivered.status()).isEqualTo(202);
        JsonNode request = awaitRequestOf(key);
        String id = request.get("id").asString();
        awaitComment(JIRA, key, "Waiting for approval, stage 1");
        org.awaitility.Awaitility.await().until(() -> JIRA.field(key, JiraSimulator.APPROVERS_FIELD).size() == 1);
        assertThat(JIRA.field(key, JiraSimulator.APPROVERS_FIELD).get(0).get("name").asString()).isEqualTo("maria.lopez");

        deliver("/integrations/jira/webhook/" + SECRET, JIRA.answerApproval(key, MARIA, true), null, UUID.randomUUID().toString());

        awaitStatus(id, "GRANTED");
        awaitStatus(id, "EXPIRED");
        awaitComment(JIRA, key, "Access removed");
        assertHeadlinesInOrder(JIRA, key, "*Access request opened*", "*Waiting for approval, stage 1 (manager)*",
                "*Approved by Maria Lopez", "*Granted*", "*Expired at", "*Access removed*");
        assertThat(JIRA.commentBodies(key)).allSatisfy(body -> assertThat(body.isString()).isTrue());
        assertThat(JIRA.transitions(key)).containsExactly("Approve", "Grant access", "Close");
        assertThat(JIRA.property(key, "clavis").get("status").asString()).isEqualTo("EXPIRED");
    }
}
