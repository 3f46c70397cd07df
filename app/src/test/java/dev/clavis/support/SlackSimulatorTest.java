package dev.clavis.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator reads a call's body as Slack does, so a body Slack would not read fails a test. */
class SlackSimulatorTest {

    private final SlackSimulator workspace = new SlackSimulator();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void aFormEncodedMessageFromSlacksSdkIsPostedAndBreaksNothing() throws Exception {
        workspace.user("U1", "ada@example.com");
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(workspace.apiBaseUrl());
        try (Slack slack = Slack.getInstance(config)) {
            var answer = slack.methods(SlackSimulator.BOT_TOKEN)
                    .chatPostMessage(ChatPostMessageRequest.builder().channel("U1").text("hello").build());
            assertThat(answer.isOk()).as(answer.getError()).isTrue();
        }
        assertThat(workspace.messagesTo("U1")).extracting(SlackSimulator.Message::text).containsExactly("hello");
        assertThat(workspace.violations()).isEmpty();
    }

    @Test
    void aJsonBodyIsReadForAMethodSlackTakesJsonFor() throws Exception {
        workspace.user("U1", "ada@example.com");
        JsonNode answer = call("chat.postMessage", "application/json; charset=utf-8", "{\"channel\":\"U1\",\"text\":\"hello\"}");
        assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
        assertThat(workspace.messagesTo("U1")).extracting(SlackSimulator.Message::text).containsExactly("hello");
    }

    @Test
    void aJsonBodyIsRefusedForAMethodThatTakesFormsOnly() throws Exception {
        workspace.user("U1", "ada@example.com");
        JsonNode answer = call("users.info", "application/json", "{\"user\":\"U1\"}");
        assertThat(answer.path("error").asString()).isEqualTo("invalid_arguments");
        assertThat(workspace.violations()).singleElement().asString().contains("does not take a JSON body");
    }

    @Test
    void aBodyThatIsNeitherFormNorJsonIsRefusedAndPostsNothing() throws Exception {
        workspace.user("U1", "ada@example.com");
        JsonNode answer = call("chat.postMessage", "text/plain", "channel=U1&text=hello");
        assertThat(answer.path("error").asString()).isEqualTo("invalid_arguments");
        assertThat(workspace.messagesTo("U1")).isEmpty();
        assertThat(workspace.violations()).singleElement().asString().contains("neither form-encoded nor JSON");
    }

    private JsonNode call(String method, String contentType, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(workspace.apiBaseUrl() + method))
                .header("Authorization", "Bearer " + SlackSimulator.BOT_TOKEN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JsonMapper.builder().build().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
