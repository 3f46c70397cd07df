package dev.clavis.slack.internal;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Takes in what Slack sends, whichever way it came (a signed HTTP call or a Socket Mode envelope):
 * records it once under what Slack repeats when it retries, so that {@link InboundWork} handles it
 * once, after Slack has had its answer.
 */
@Component
@OnSlack
class SlackCalls {

    private final InboundLog log;
    private final RequestModal modal;

    SlackCalls(InboundLog log, RequestModal modal) {
        this.log = log;
        this.modal = modal;
    }

    /** A slash command: its form fields and the form they came in. */
    void command(Map<String, String> form, String body) {
        log.record("command:" + SlackForm.required(form, "trigger_id"), "command", body);
    }

    /**
     * An interaction payload. The options of an external select are the one answer Slack waits for;
     * they change nothing. Anything else is recorded and has no answer.
     */
    Optional<Map<String, Object>> interaction(JsonNode payload) {
        String type = payload.path("type").asString("");
        if (type.equals("block_suggestion")) {
            return Optional.of(modal.appOptions(payload.path("value").asString("")));
        }
        String trigger = payload.path("trigger_id").asString("");
        if (trigger.isEmpty()) {
            throw new SlackForm.Malformed("the payload has no trigger_id");
        }
        log.record("interaction:" + trigger, type, payload.toString());
        return Optional.empty();
    }
}
