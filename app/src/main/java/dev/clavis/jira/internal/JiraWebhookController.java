package dev.clavis.jira.internal;

import java.net.URI;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Jira delivers webhooks. A delivery is authenticated before anything reads it, stored, and
 * answered at once; the work it asks for happens afterwards ({@link WebhookProcessor}). A delivery
 * seen before (Jira retries for up to 30 minutes) is answered 200 and changes nothing.
 */
@RestController
@Conditional(JiraEnabled.class)
class JiraWebhookController {

    private static final int MAX_BODY = 1024 * 1024;

    private final JiraSettings settings;
    private final WebhookInbox inbox;

    JiraWebhookController(JiraSettings settings, WebhookInbox inbox) {
        this.settings = settings;
        this.inbox = inbox;
    }

    @PostMapping(path = "/integrations/jira/webhook", consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> signed(@RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-Hub-Signature", required = false) @Nullable String signature,
            @RequestHeader(name = "X-Atlassian-Webhook-Identifier", required = false) @Nullable String deliveryId) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!WebhookAuthenticity.signedWith(settings.webhookSecretValue(), bytes, signature)) {
            return unauthorized(signature == null
                    ? "The delivery is not signed: give the Jira webhook the secret that is CLAVIS_JIRA_WEBHOOK_SECRET"
                            + (settings.jiraFlavor() == JiraFlavor.DATA_CENTER ? ", or deliver to /integrations/jira/webhook/<secret>" : "")
                    : "X-Hub-Signature does not match the body: the webhook's secret differs from CLAVIS_JIRA_WEBHOOK_SECRET");
        }
        return accept(bytes, deliveryId);
    }

    @PostMapping(path = "/integrations/jira/webhook/{token}", consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> withToken(@PathVariable String token, @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-Atlassian-Webhook-Identifier", required = false) @Nullable String deliveryId) {
        if (settings.jiraFlavor() != JiraFlavor.DATA_CENTER) {
            return unauthorized("Jira Cloud webhooks are signed: deliver to /integrations/jira/webhook with the secret set on the webhook");
        }
        if (!WebhookAuthenticity.sameToken(settings.webhookSecretValue(), token)) {
            return unauthorized("The secret in the webhook's URL is not CLAVIS_JIRA_WEBHOOK_SECRET");
        }
        return accept(body == null ? new byte[0] : body, deliveryId);
    }

    private ResponseEntity<?> accept(byte[] body, @Nullable String deliveryId) {
        if (body.length > MAX_BODY) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "The delivery is larger than 1 MiB; Clavis reads only issue webhooks");
        }
        if (body.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "The delivery has no body");
        }
        String id = deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 128
                ? "sha256:" + HexFormat.of().formatHex(WebhookAuthenticity.sha256(new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                : deliveryId.strip();
        return inbox.accept(id, body) ? ResponseEntity.accepted().build() : ResponseEntity.ok().build();
    }

    private static ResponseEntity<ProblemDetail> unauthorized(String detail) {
        return problem(HttpStatus.UNAUTHORIZED, detail);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
