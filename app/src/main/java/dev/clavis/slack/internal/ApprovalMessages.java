package dev.clavis.slack.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.RequestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What an approver's message about a stage says, drawn from the request as it is now: while the
 * stage waits for them, the request with Approve and Deny; afterwards, who decided, so nobody acts
 * on a stale request.
 */
@Component
@OnSlack
class ApprovalMessages {

    static final String APPROVE = "approve";
    static final String DENY = "deny";

    private final AccessRequests requests;
    private final Directory directory;
    private final CatalogService catalog;

    ApprovalMessages(AccessRequests requests, Directory directory, CatalogService catalog) {
        this.requests = requests;
        this.directory = directory;
        this.catalog = catalog;
    }

    /** The stage of {@code view} (0-based, as events number them) that waits for {@code approver}'s decision. */
    static boolean awaits(AccessRequestView view, int stage, UUID approver) {
        return view.status().equals(RequestStatus.PENDING_APPROVAL.name()) && stage(view, stage)
                .filter(s -> s.status().equals("WAITING"))
                .filter(s -> s.approvers().stream().anyMatch(p -> p.id().equals(approver)))
                .filter(s -> s.decisions().stream().noneMatch(d -> d.decidedBy().id().equals(approver)))
                .isPresent();
    }

    static Optional<AccessRequestView.Stage> stage(AccessRequestView view, int stage) {
        return view.approvals().stream().filter(s -> s.stage() == stage + 1).findFirst();
    }

    Map<String, Object> render(UUID requestId, int stage, UUID approver) {
        AccessRequestView view = requests.get(requestId);
        String who = Blocks.escape(view.beneficiary().displayName());
        String what = view.app() + "/" + view.role();
        String risk = catalog.version(view.catalogVersion()).flatMap(c -> c.role(view.app(), view.role()))
                .map(Role::risk).map(r -> r.value()).orElse("unknown");
        var blocks = new ArrayList<Map<String, Object>>();
        String headline = "*" + who + "* asks for *" + what + "* (" + risk + ") for " + AccessDuration.describe(view.duration());
        blocks.add(Blocks.section(headline));
        Optional<Person> beneficiary = directory.person(view.beneficiary().id());
        String manager = beneficiary.map(Person::managerId).flatMap(id -> id == null ? Optional.empty() : directory.person(id))
                .map(Person::displayName).orElse("none");
        var fields = new ArrayList<String>(List.of(
                "*Requester*\n" + Blocks.escape(view.requester().displayName()) + " (" + view.requester().email() + ")",
                "*Risk*\n" + risk,
                "*Duration*\n" + AccessDuration.describe(view.duration()),
                "*Department*\n" + Blocks.escape(beneficiary.map(Person::department).orElse("unknown")),
                "*Manager*\n" + Blocks.escape(manager),
                "*Justification*\n" + Blocks.escape(view.justification() == null ? "none given" : view.justification())));
        if (view.ticket() != null) {
            var ticket = view.ticket();
            fields.add("*Ticket*\n" + (ticket.url() == null ? ticket.key() : "<" + ticket.url() + "|" + ticket.key() + ">"));
        }
        stage(view, stage).ifPresent(s -> fields.add("*Stage*\n" + s.stage() + " of " + view.approvals().size() + " (" + s.rule() + ")"));
        blocks.add(Blocks.fields(fields));
        String text = who + " asks for " + what + " (" + risk + ") for " + AccessDuration.describe(view.duration());
        if (awaits(view, stage, approver)) {
            String value = requestId + ":" + stage;
            blocks.add(Blocks.actions("decision", List.of(
                    Blocks.button(APPROVE, "Approve", value, "primary"),
                    Blocks.button(DENY, "Deny", value, "danger"))));
        } else {
            blocks.add(Blocks.context(outcome(view, stage)));
        }
        return Blocks.message(text, blocks);
    }

    private static String outcome(AccessRequestView view, int stage) {
        var decisions = stage(view, stage).map(AccessRequestView.Stage::decisions).orElse(List.of());
        if (!decisions.isEmpty()) {
            var lines = new ArrayList<String>();
            for (var decision : decisions) {
                boolean approved = decision.decision().equals("approve");
                lines.add((approved ? ":white_check_mark: Approved by " : ":x: Denied by ")
                        + Blocks.escape(decision.decidedBy().displayName()) + " via " + decision.channel()
                        + (decision.comment() == null ? "" : ": " + Blocks.escape(decision.comment())));
            }
            if (view.status().equals(RequestStatus.PENDING_APPROVAL.name())) {
                lines.add("The request waits for others.");
            }
            return String.join("\n", lines);
        }
        return "No longer waiting for you: the request is " + view.status().toLowerCase().replace('_', ' ') + ".";
    }
}
