package dev.clavis.slack.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grant;
import dev.clavis.grant.Grants;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.Channel;
import dev.clavis.request.SubmitAccessRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /request} and {@code /access}. The answer goes back through the command's {@code response_url},
 * seen only by the person who typed it.
 */
@Component
@OnSlack
class SlashCommands {

    private final SlackPeople people;
    private final SlackApi slack;
    private final Outbox outbox;
    private final RequestModal modal;
    private final CatalogService catalog;
    private final AccessRequests requests;
    private final Grants grants;
    private final UserErrors errors;

    SlashCommands(SlackPeople people, SlackApi slack, Outbox outbox, RequestModal modal, CatalogService catalog,
            AccessRequests requests, Grants grants, UserErrors errors) {
        this.people = people;
        this.slack = slack;
        this.outbox = outbox;
        this.modal = modal;
        this.catalog = catalog;
        this.requests = requests;
        this.grants = grants;
        this.errors = errors;
    }

    /** @return what happened, for the inbound log */
    String handle(Map<String, String> command) {
        String trigger = command.getOrDefault("trigger_id", "");
        String responseUrl = command.getOrDefault("response_url", "");
        String text = command.getOrDefault("text", "").strip();
        Optional<Person> person = people.person(command.getOrDefault("user_id", ""));
        if (person.isEmpty()) {
            reply(trigger, responseUrl, errors.notInDirectory());
            return "no directory person";
        }
        return switch (command.getOrDefault("command", "")) {
            case "/request" -> request(person.get(), text, trigger, responseUrl);
            case "/access" -> text.equalsIgnoreCase("pending") ? pending(person.get(), trigger, responseUrl)
                    : access(person.get(), trigger, responseUrl);
            default -> {
                reply(trigger, responseUrl, "Clavis knows `/request` and `/access`, not `" + command.get("command") + "`.");
                yield "unknown command";
            }
        };
    }

    private String request(Person person, String text, String trigger, String responseUrl) {
        Understood understood = understand(text, catalog.current());
        if (!understood.complete()) {
            slack.openView(trigger, modal.view(
                    understood.app() == null ? null : understood.app().id(), understood.role() == null ? null : understood.role().id()));
            return "modal opened";
        }
        try {
            AccessRequestView view = requests.submit(new SubmitAccessRequest(person.id(), null, understood.app().id(),
                    understood.role().id(), understood.duration().toString(), understood.justification(), Channel.SLACK, false));
            reply(trigger, responseUrl, "Asked for *" + view.app() + "/" + view.role() + "* for " + AccessDuration.describe(view.duration())
                    + ": I'll message you as it moves on. _Request " + view.id() + "_");
            return "submitted " + view.id();
        } catch (RuntimeException e) {
            reply(trigger, responseUrl, errors.explain(e, "The request was not made"));
            return "refused: " + e.getMessage();
        }
    }

    private String access(Person person, String trigger, String responseUrl) {
        List<Grant> held = grants.inEffectFor(person.id());
        if (held.isEmpty()) {
            reply(trigger, responseUrl, "You hold no access granted through Clavis. Ask for some with `/request`.");
            return "no grants";
        }
        var lines = new ArrayList<String>();
        lines.add("*Your access* (" + held.size() + "):");
        for (Grant grant : held) {
            lines.add("• *" + grant.role() + "* (" + grant.risk().toLowerCase(Locale.ROOT) + ") "
                    + (grant.expiresAt() == null ? (grant.status().name().equals("ACTIVE") ? "permanent" : "being granted")
                            : "until " + Notifications.at(grant.expiresAt()))
                    + " — groups " + String.join(", ", grant.groups()));
        }
        reply(trigger, responseUrl, String.join("\n", lines));
        return "listed " + held.size() + " grants";
    }

    private String pending(Person person, String trigger, String responseUrl) {
        List<AccessRequestView> waiting = requests.awaitingDecisionOf(person.id(), 20);
        if (waiting.isEmpty()) {
            reply(trigger, responseUrl, "No request waits for your approval.");
            return "none pending";
        }
        var lines = new ArrayList<String>();
        lines.add("*Waiting for your approval* (" + waiting.size() + (waiting.size() == 20 ? "+" : "") + "):");
        for (AccessRequestView view : waiting) {
            lines.add("• " + Blocks.escape(view.beneficiary().displayName()) + ": *" + view.app() + "/" + view.role() + "* for "
                    + AccessDuration.describe(view.duration()) + (view.justification() == null ? "" : " — " + Blocks.escape(view.justification()))
                    + " _(" + view.id() + ")_");
        }
        lines.add("Approve or deny with the buttons in the messages I sent you.");
        reply(trigger, responseUrl, String.join("\n", lines));
        return "listed " + waiting.size() + " pending";
    }

    private void reply(String trigger, String responseUrl, String text) {
        outbox.respond("command:" + trigger, responseUrl, Blocks.ephemeral(text));
    }

    /**
     * What {@code github admin 6h because the release} names: an app (by id or name), one of its roles,
     * a duration, and the justification (after "because", or whatever is left). Complete only when every
     * part the request needs is unambiguous; a role with a single duration needs none typed.
     */
    record Understood(@Nullable App app, @Nullable Role role, @Nullable AccessDuration duration, @Nullable String justification) {
        boolean complete() {
            return app != null && role != null && duration != null && role.allows(duration)
                    && (justification != null || !role.requiresJustification());
        }
    }

    static Understood understand(String text, Catalog catalog) {
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            return new Understood(null, null, null, null);
        }
        String first = words.remove(0).toLowerCase(Locale.ROOT);
        App app = catalog.apps().stream().filter(a -> a.id().equals(first) || a.name().equalsIgnoreCase(first)).findFirst().orElse(null);
        if (app == null || words.isEmpty()) {
            return new Understood(app, null, null, null);
        }
        String second = words.remove(0).toLowerCase(Locale.ROOT);
        Role role = app.role(second).orElse(null);
        if (role == null) {
            return new Understood(app, null, null, null);
        }
        AccessDuration duration = null;
        if (!words.isEmpty()) {
            duration = AccessDuration.parseWritten(words.get(0)).orElse(null);
            if (duration != null) {
                words.remove(0);
            }
        }
        if (duration == null) {
            duration = RequestModal.onlyDuration(role).orElse(null);
        }
        if (!words.isEmpty() && (words.get(0).equalsIgnoreCase("because") || words.get(0).equalsIgnoreCase("for")
                || words.get(0).equals(":") || words.get(0).equals("-"))) {
            words.remove(0);
        }
        String justification = words.isEmpty() ? null : String.join(" ", words);
        return new Understood(app, role, duration, justification);
    }
}
