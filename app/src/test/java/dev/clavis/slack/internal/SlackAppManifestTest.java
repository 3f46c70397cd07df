package dev.clavis.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The manifest in docs/ names the endpoints the app serves and the scopes of the methods it calls. */
class SlackAppManifestTest {

    @Test
    @SuppressWarnings("unchecked")
    void theManifestPointsSlackAtTheAppsEndpointsWithTheScopesItNeeds() throws Exception {
        Map<String, Object> manifest = new Yaml().load(Files.readString(Path.of("../docs/slack-app-manifest.yaml")));
        var features = (Map<String, Object>) manifest.get("features");
        var commands = (List<Map<String, Object>>) features.get("slash_commands");
        assertThat(commands).extracting(c -> c.get("command")).containsExactlyInAnyOrder("/request", "/access");
        assertThat(commands).allSatisfy(c -> assertThat((String) c.get("url")).endsWith("/integrations/slack/commands"));
        var settings = (Map<String, Object>) manifest.get("settings");
        var interactivity = (Map<String, Object>) settings.get("interactivity");
        assertThat(interactivity.get("is_enabled")).isEqualTo(true);
        assertThat((String) interactivity.get("request_url")).endsWith("/integrations/slack/interactions");
        assertThat((String) interactivity.get("message_menu_options_url")).endsWith("/integrations/slack/interactions");
        var scopes = (List<String>) ((Map<String, Object>) ((Map<String, Object>) manifest.get("oauth_config")).get("scopes")).get("bot");
        assertThat(scopes).contains("commands", "chat:write", "im:write", "users:read", "users:read.email");
        assertThat(((Map<String, Object>) features.get("app_home")).get("messages_tab_enabled")).isEqualTo(true);
    }
}
