package dev.clavis.slack.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where Slack calls in. Each endpoint verifies the signature over the raw bytes before reading
 * anything from them, records the call once (Slack retries what it thinks went unanswered) and
 * answers at once; the work happens afterwards in {@link InboundWork}. Only the options of an
 * external select are answered in the response itself, as Slack requires; they change nothing.
 */
@RestController
@OnSlack
class SlackEndpoints {

    private final SlackRequestVerifier verifier;
    private final InboundLog log;
    private final RequestModal modal;
    private final JsonMapper json;

    SlackEndpoints(SlackRequestVerifier verifier, InboundLog log, RequestModal modal, JsonMapper json) {
        this.verifier = verifier;
        this.log = log;
        this.modal = modal;
        this.json = json;
    }

    @PostMapping("/integrations/slack/commands")
    ResponseEntity<Void> command(HttpServletRequest request) throws IOException {
        byte[] body = verified(request);
        Map<String, String> form = SlackForm.parse(body);
        log.record("command:" + SlackForm.required(form, "trigger_id"), "command", new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/integrations/slack/interactions")
    ResponseEntity<?> interaction(HttpServletRequest request) throws IOException {
        byte[] body = verified(request);
        JsonNode payload = json.readTree(SlackForm.required(SlackForm.parse(body), "payload"));
        String type = payload.path("type").asString("");
        if (type.equals("block_suggestion")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(modal.appOptions(payload.path("value").asString("")));
        }
        String trigger = payload.path("trigger_id").asString("");
        if (trigger.isEmpty()) {
            throw new SlackForm.Malformed("the payload has no trigger_id");
        }
        log.record("interaction:" + trigger, type, payload.toString());
        return ResponseEntity.ok().build();
    }

    /** The Events API: Slack checks the URL with a challenge; the app subscribes to no event besides. */
    @PostMapping("/integrations/slack/events")
    ResponseEntity<?> event(HttpServletRequest request) throws IOException {
        JsonNode event = json.readTree(verified(request));
        if (event.path("type").asString("").equals("url_verification")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("challenge", event.path("challenge").asString("")));
        }
        return ResponseEntity.ok().build();
    }

    private byte[] verified(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        verifier.verify(request.getHeader("X-Slack-Request-Timestamp"), request.getHeader("X-Slack-Signature"), body);
        return body;
    }

    @ExceptionHandler(SlackRequestVerifier.Unverified.class)
    ResponseEntity<ProblemDetail> unverified(SlackRequestVerifier.Unverified e) {
        return problem(HttpStatus.UNAUTHORIZED, "Unverified Slack request", e.getMessage());
    }

    @ExceptionHandler({SlackForm.Malformed.class, tools.jackson.core.JacksonException.class})
    ResponseEntity<ProblemDetail> malformed(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed Slack request", "The signed body is not what Slack sends: " + e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
