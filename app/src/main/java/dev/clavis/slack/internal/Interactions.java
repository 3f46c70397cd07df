package dev.clavis.slack.internal;

import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grant;
import dev.clavis.grant.Grants;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.Channel;
import dev.clavis.request.DecideAccessRequest;
import dev.clavis.request.DecideAccessRequest.Decision;
import dev.clavis.request.SubmitAccessRequest;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clicks and modal submissions. Every decision is the request module's, made as the Slack user's
 * directory person; a refusal (not an approver, already decided) is explained to the clicker alone
 * and changes nothing.
 */
@Component
@OnSlack
class Interactions {

    private final JsonMapper json;
    private final SlackPeople people;
    private final SlackApi slack;
    private final Outbox outbox;
    private final RequestModal modal;
    private final AccessRequests requests;
    private final Grants grants;
    private final CatalogService catalog;
    private final UserErrors errors;

    Interactions(JsonMapper json, SlackPeople people, SlackApi slack, Outbox outbox, RequestModal modal,
            AccessRequests requests, Grants grants, CatalogService catalog, UserErrors errors) {
        this.json = json;
        this.people = people;
        this.slack = slack;
        this.outbox = outbox;
        this.modal = modal;
        this.requests = requests;
        this.grants = grants;
        this.catalog = catalog;
        this.errors = errors;
    }

    /** @return what happened, for the inbound log */
    String handle(String kind, String body) {
        JsonNode payload = json.readTree(body);
        String user = payload.path("user").path("id").asString("");
        Optional<Person> person = people.person(user);
        Reply reply = new Reply(payload.path("trigger_id").asString(""), payload.path("response_url").asString(""), user);
        if (person.isEmpty()) {
            reply.send(errors.notInDirectory());
            return "no directory person";
        }
        return switch (kind) {
            case "block_actions" -> action(payload, person.get(), reply);
            case "view_submission" -> submission(payload, person.get(), reply);
            default -> "ignored " + kind;
        };
    }

    private String action(JsonNode payload, Person person, Reply reply) {
        JsonNode action = payload.path("actions").path(0);
        String value = action.path("value").asString("");
        return switch (action.path("action_id").asString("")) {
            case ApprovalMessages.APPROVE -> approve(value, person, reply);
            case ApprovalMessages.DENY -> askReason(value, person, payload.path("trigger_id").asString(""), reply);
            case Notifications.EXTEND -> askExtension(value, person, payload.path("trigger_id").asString(""), reply);
            case RequestModal.APP, RequestModal.ROLE -> refreshModal(payload);
            default -> "ignored action " + action.path("action_id").asString("");
        };
    }

    private String approve(String value, Person person, Reply reply) {
        StageRef ref = StageRef.parse(value);
        if (!stillWaits(ref, person, reply)) {
            return "not waiting for " + person.email();
        }
        try {
            requests.decide(new DecideAccessRequest(ref.requestId(), person.id(), Decision.APPROVE, null, Channel.SLACK));
            return "approved " + ref.requestId() + " by " + person.email();
        } catch (RuntimeException e) {
            reply.send(errors.explain(e, "Your approval was not recorded"));
            return "refused: " + e.getMessage();
        }
    }

    private String askReason(String value, Person person, String trigger, Reply reply) {
        StageRef ref = StageRef.parse(value);
        if (!stillWaits(ref, person, reply)) {
            return "not waiting for " + person.email();
        }
        AccessRequestView view = requests.get(ref.requestId());
        slack.openView(trigger, modal.denial(value + ":" + reply.responseUrl(),
                view.beneficiary().displayName() + "'s request for " + view.app() + "/" + view.role()));
        return "asked for a reason";
    }

    private String askExtension(String value, Person person, String trigger, Reply reply) {
        Optional<Grant> grant = grants.find(UUID.fromString(value)).filter(g -> g.personId().equals(person.id()));
        Optional<Role> role = grant.flatMap(g -> catalog.current().role(g.role()));
        if (grant.isEmpty() || role.isEmpty() || grant.get().expiresAt() == null) {
            reply.send("That access can no longer be extended: it ended, or its role left the catalog.");
            return "nothing to extend";
        }
        slack.openView(trigger, modal.extension(value, role.get(), Notifications.at(grant.get().expiresAt())));
        return "asked how long";
    }

    private String refreshModal(JsonNode payload) {
        JsonNode view = payload.path("view");
        JsonNode values = view.path("state").path("values");
        String app = selected(values, RequestModal.APP);
        String role = selected(values, RequestModal.ROLE);
        String previousApp = view.path("private_metadata").asString("").split("/", -1)[0];
        if (app != null && !app.equals(previousApp)) {
            role = null;
        }
        slack.updateView(view.path("id").asString(""), view.path("hash").asString(""), modal.view(app, role));
        return "modal shows " + app + "/" + role;
    }

    private String submission(JsonNode payload, Person person, Reply reply) {
        JsonNode view = payload.path("view");
        JsonNode values = view.path("state").path("values");
        String metadata = view.path("private_metadata").asString("");
        return switch (view.path("callback_id").asString("")) {
            case RequestModal.CALLBACK -> submitRequest(person, values, reply);
            case "deny" -> deny(metadata, person, text(values, "reason"), reply);
            case "extend" -> extend(metadata, person, values, reply);
            default -> "ignored view " + view.path("callback_id").asString("");
        };
    }

    private String submitRequest(Person person, JsonNode values, Reply reply) {
        try {
            AccessRequestView view = requests.submit(new SubmitAccessRequest(person.id(), null, selected(values, RequestModal.APP),
                    selected(values, RequestModal.ROLE), selected(values, RequestModal.DURATION),
                    text(values, RequestModal.JUSTIFICATION), Channel.SLACK, false));
            return "submitted " + view.id();
        } catch (RuntimeException e) {
            outbox.toPerson("refused:" + reply.trigger(), person.id(), Blocks.message(errors.explain(e, "Your request was not made")));
            return "refused: " + e.getMessage();
        }
    }

    private String deny(String metadata, Person person, @Nullable String reason, Reply modalReply) {
        String[] parts = metadata.split(":", 3);
        StageRef ref = StageRef.parse(parts[0] + ":" + parts[1]);
        Reply reply = new Reply(modalReply.trigger(), parts.length > 2 ? parts[2] : "", modalReply.slackUser());
        if (!stillWaits(ref, person, reply)) {
            return "not waiting for " + person.email();
        }
        try {
            requests.decide(new DecideAccessRequest(ref.requestId(), person.id(), Decision.DENY, reason, Channel.SLACK));
            return "denied " + ref.requestId() + " by " + person.email();
        } catch (RuntimeException e) {
            reply.send(errors.explain(e, "Your denial was not recorded"));
            return "refused: " + e.getMessage();
        }
    }

    private String extend(String grantId, Person person, JsonNode values, Reply reply) {
        try {
            AccessRequestView view = requests.extend(UUID.fromString(grantId), person.id(), selected(values, RequestModal.DURATION),
                    text(values, RequestModal.JUSTIFICATION), Channel.SLACK, false);
            return "extension asked " + view.id();
        } catch (RuntimeException e) {
            outbox.toPerson("refused:" + reply.trigger(), person.id(), Blocks.message(errors.explain(e, "Your extension was not asked")));
            return "refused: " + e.getMessage();
        }
    }

    /**
     * Whether the stage this button was drawn for is the request's current one and still waits for
     * this person; if not, says why. (A button from an earlier stage must not decide a later one.)
     */
    private boolean stillWaits(StageRef ref, Person person, Reply reply) {
        AccessRequestView view;
        try {
            view = requests.get(ref.requestId());
        } catch (RuntimeException e) {
            reply.send(errors.explain(e, "This request cannot be decided"));
            return false;
        }
        if (ApprovalMessages.awaits(view, ref.stage(), person.id())) {
            return true;
        }
        var stage = ApprovalMessages.stage(view, ref.stage());
        boolean approver = stage.map(s -> s.approvers().stream().anyMatch(p -> p.id().equals(person.id()))).orElse(false);
        String decidedBy = stage.flatMap(s -> s.decisions().stream().findFirst())
                .map(d -> " " + d.decidedBy().displayName() + " " + (d.decision().equals("approve") ? "approved" : "denied") + " it via "
                        + d.channel() + ".")
                .orElse("");
        reply.send(approver
                ? "This request no longer waits for your decision: it is " + view.status().toLowerCase().replace('_', ' ') + "." + decidedBy
                : "You are not an approver of this request, so your click changed nothing. Its approvers are "
                        + stage.map(s -> String.join(", ", s.approvers().stream().map(AccessRequestView.PersonRef::displayName).toList()))
                                .orElse("others") + ".");
        return false;
    }

    private static @Nullable String selected(JsonNode values, String block) {
        String value = values.path(block).path(block).path("selected_option").path("value").asString("");
        return value.isEmpty() ? null : value;
    }

    private static @Nullable String text(JsonNode values, String block) {
        String value = values.path(block).path(block).path("value").asString("");
        return value.isBlank() ? null : value;
    }

    /** An approval button's value: the request and its stage (0-based). */
    record StageRef(UUID requestId, int stage) {
        static StageRef parse(String value) {
            String[] parts = value.split(":");
            return new StageRef(UUID.fromString(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    /** Answers the person who clicked, and only them. */
    private final class Reply {
        private final String trigger;
        private final String responseUrl;
        private final String slackUser;

        Reply(String trigger, String responseUrl, String slackUser) {
            this.trigger = trigger;
            this.responseUrl = responseUrl;
            this.slackUser = slackUser;
        }

        String trigger() {
            return trigger;
        }

        String responseUrl() {
            return responseUrl;
        }

        String slackUser() {
            return slackUser;
        }

        void send(String text) {
            if (!responseUrl.isEmpty()) {
                outbox.respond("interaction:" + trigger, responseUrl, Blocks.ephemeral(text));
            } else {
                outbox.toSlackUser("reply:" + trigger, slackUser, Blocks.message(text));
            }
        }
    }
}
