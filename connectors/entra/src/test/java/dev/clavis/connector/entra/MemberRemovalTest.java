package dev.clavis.connector.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.connector.entra.simulator.GraphSimulator;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trap of Graph's member removal: {@code DELETE /groups/{id}/members/{id}/$ref} ends a membership,
 * while the same path without {@code /$ref} deletes the user object itself.
 */
class MemberRemovalTest {

    @TempDir
    Path dir;

    private GraphSimulator simulator;
    private DirectoryConnector connector;

    @BeforeEach
    void start() {
        simulator = GraphSimulator.start();
        connector = SimulatedEntra.connector(simulator, dir, Map.of());
    }

    @AfterEach
    void stop() {
        connector.close();
        simulator.close();
    }

    @Test
    void removingAMemberSendsOnlyTheReferenceDeleteAndLeavesThePersonAndTheGroup() {
        String group = simulator.tenant().createGroup("github-admins", null);
        String person = simulator.tenant().createUser("sam@acme.test", "Sam", "Taylor", "Engineering", null, null);
        simulator.tenant().addMember(group, person);

        RemoveOutcome outcome = ((MembershipProvisioning) connector).removeMember(new MembershipChange(group, person));

        assertThat(outcome).isEqualTo(RemoveOutcome.REMOVED);
        assertThat(simulator.tenant().members(group)).doesNotContain(person);
        assertThat(simulator.tenant().user(person)).isPresent();
        assertThat(simulator.tenant().group(group)).isPresent();
        assertThat(simulator.requests()).filteredOn(request -> request.startsWith("DELETE "))
                .containsExactly("DELETE /v1.0/groups/" + group + "/members/" + person + "/$ref");
        assertThat(simulator.deletesOtherThanMemberReferences()).isEmpty();
        assertThat(simulator.violations()).isEmpty();
    }

    /** Shows that the guard the other tests rely on catches the wrong form, and why it matters. */
    @Test
    void aDeleteWithoutTheReferenceSegmentDeletesTheUserAndIsCaught() throws Exception {
        String group = simulator.tenant().createGroup("github-admins", null);
        String person = simulator.tenant().createUser("sam@acme.test", "Sam", "Taylor", "Engineering", null, null);
        simulator.tenant().addMember(group, person);
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(simulator)).build();

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(simulator.graphBaseUrl() + "/groups/" + group + "/members/" + person))
                .DELETE().header("Authorization", "Bearer " + token(http)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(simulator.tenant().user(person)).isEmpty();
        assertThat(simulator.deletesOtherThanMemberReferences())
                .containsExactly("DELETE /v1.0/groups/" + group + "/members/" + person);
    }

    private String token(HttpClient http) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + GraphSimulator.CLIENT_ID
                + "&client_secret=" + URLEncoder.encode(GraphSimulator.CLIENT_SECRET, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(simulator.origin() + "/.default", StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(simulator.origin() + "/" + simulator.tenantId() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(answer.body()).path("access_token").asString();
    }

    private SSLContext trusting(GraphSimulator simulator) throws Exception {
        Path file = simulator.writeTrustStore(dir.resolve("raw.p12"), "pw");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, "pw".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
