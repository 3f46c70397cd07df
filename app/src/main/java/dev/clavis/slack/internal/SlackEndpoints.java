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
 * Where Slack calls in over HTTP. Each endpoint verifies the signature over the raw bytes before
 * reading anything from them, hands the call to {@link SlackCalls} and answers at once; the work
 * happens afterwards in {@link InboundWork}. (With Socket Mode, the same calls come as envelopes to
 * {@link SocketMode}.)
 */
@RestController
@OnSlack
class SlackEndpoints {

    private final SlackRequestVerifier verifier;
    private final SlackCalls calls;
    private final JsonMapper json;

    SlackEndpoints(SlackRequestVerifier verifier, SlackCalls calls, JsonMapper json) {
        this.verifier = verifier;
        this.calls = calls;
        this.json = json;
    }

    @PostMapping("/integrations/slack/commands")
    ResponseEntity<Void> command(HttpServletRequest request) throws IOException {
        byte[] body = verified(request);
        calls.command(SlackForm.parse(body), new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/integrations/slack/interactions")
    ResponseEntity<?> interaction(HttpServletRequest request) throws IOException {
        byte[] body = verified(request);
        JsonNode payload = json.readTree(SlackForm.required(SlackForm.parse(body), "payload"));
        return calls.interaction(payload)
                .<ResponseEntity<?>>map(answer -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer))
                .orElseGet(() -> ResponseEntity.ok().build());
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
