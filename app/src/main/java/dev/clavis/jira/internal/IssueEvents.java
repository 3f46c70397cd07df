package dev.clavis.jira.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grant;
import dev.clavis.grant.Grants;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.Channel;
import dev.clavis.request.DecideAccessRequest;
import dev.clavis.request.RequestStatus;
import dev.clavis.request.SubmitAccessRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What a Jira webhook means for Clavis: an access request type's issue created becomes a request;
 * an issue update brings the JSM approvals back (each approver's answer acted on once), cancels the
 * request when its reporter cancelled the issue, and runs the issue rules of the status it reached.
 * Every refusal is answered on the issue, in words the reporter can act on.
 */
class IssueEvents {

    private static final Logger log = LoggerFactory.getLogger(IssueEvents.class);

    private final JiraSettings settings;
    private final JiraClient client;
    private final ServiceDesk serviceDesk;
    private final TicketQueue queue;
    private final AccessRequests requests;
    private final Grants grants;
    private final Directory directory;
    private final CatalogService catalog;
    private final IssueRules rules;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    IssueEvents(JiraSettings settings, JiraClient client, ServiceDesk serviceDesk, TicketQueue queue, AccessRequests requests,
            Grants grants, Directory directory, CatalogService catalog, IssueRules rules, TransactionTemplate transactions,
            JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.serviceDesk = serviceDesk;
        this.queue = queue;
        this.requests = requests;
        this.grants = grants;
        this.directory = directory;
        this.catalog = catalog;
        this.rules = rules;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Acts on one delivery. Whatever it changes commits with {@code done}, so a delivery processed
     * again after a crash has no second effect.
     *
     * @throws JiraCallFailed when Jira must be asked and cannot be: the delivery is tried again later
     */
    void handle(JsonNode event, Runnable done) {
        String kind = event.path("webhookEvent").asString("");
        IssueFields issue = new IssueFields(event.path("issue"));
        if (issue.key().isEmpty()) {
            transactions.executeWithoutResult(status -> done.run());
            return;
        }
        switch (kind) {
            case "jira:issue_created" -> created(issue, done);
            case "jira:issue_updated" -> updated(event, issue, done);
            default -> transactions.executeWithoutResult(status -> done.run());
        }
    }

    private void created(IssueFields issue, Runnable done) {
        if (!ours(issue)) {
            transactions.executeWithoutResult(status -> done.run());
            return;
        }
        Optional<String> reporterEmail = issue.email("reporter");
        if (reporterEmail.isEmpty()) {
            answer(issue.key(), Note.of("Clavis cannot see who this request is for",
                    "Jira does not show Clavis the email address of " + issue.displayName("reporter") + ", so no access request was made.",
                    "Make the email address visible (Atlassian account → Profile and visibility → Contact: Anyone), or ask in the Clavis portal, then raise the request again."), done);
            return;
        }
        Optional<Person> beneficiary = directory.personByEmail(reporterEmail.get());
        if (beneficiary.isEmpty()) {
            answer(issue.key(), Note.of("Clavis does not know " + reporterEmail.get(),
                    "No person with this email is in the directory Clavis reads, so no access request was made.",
                    "If the person joined recently, wait for the next directory sync and raise the request again."), done);
            return;
        }
        Person requester = issue.email("creator").flatMap(directory::personByEmail).orElse(beneficiary.get());
        Catalog current = catalog.current();
        Optional<String> appOption = issue.text(settings.fields().app());
        Optional<App> app = appOption.flatMap(option -> CatalogOptions.app(current, option));
        Optional<String> roleOption = issue.text(settings.fields().role());
        Optional<Role> role = app.flatMap(a -> roleOption.flatMap(option -> CatalogOptions.role(a, option)));
        Optional<String> durationOption = issue.text(settings.fields().duration());
        String duration = durationOption.map(option -> AccessDuration.parseWritten(option).map(Object::toString).orElse(option)).orElse(null);
        var command = new SubmitAccessRequest(requester.id(), beneficiary.get().id().toString(),
                app.map(App::id).orElse(appOption.orElse(null)), role.map(Role::id).orElse(roleOption.orElse(null)), duration,
                issue.text(settings.fields().justification()).orElse(null), Channel.JIRA, false);
        attempt(issue.key(), "Clavis did not open an access request", () -> {
            AccessRequestView request = requests.submit(command);
            adopt(request.id(), issue.key(), issue.issue().path("id").asString(null), Ticket.CREATED);
            done.run();
        }, done);
    }

    private void updated(JsonNode event, IssueFields issue, Runnable done) {
        Optional<Ticket> ticket = queue.requestOfIssue(issue.key());
        if (ticket.isPresent() && pending(ticket.get())) {
            approvals(issue.key(), ticket.get().requestId());
        }
        Optional<String> reached = reachedStatus(event);
        if (reached.isPresent() && ticket.isPresent() && pending(ticket.get()) && issue.statusIsDone()) {
            cancel(event, issue, ticket.get().requestId(), done);
            return;
        }
        if (reached.isPresent()) {
            JsonNode type = issue.field(settings.requestTypeField()).path("requestType");
            for (IssueRules.Rule rule : rules.matching(issue.projectKey(), type.path("id").asString(""), type.path("name").asString(""), reached.get())) {
                for (IssueRules.Action action : rule.actions()) {
                    act(issue, rule, action, reached.get());
                }
            }
        }
        transactions.executeWithoutResult(status -> done.run());
    }

    /** Reads the JSM approvals back and records each new answer as a decision of its approver. */
    private void approvals(String issueKey, @Nullable UUID requestId) {
        if (requestId == null) {
            return;
        }
        for (JsonNode approval : client.approvals(issueKey).path("values")) {
            String approvalId = approval.path("id").asString("");
            for (JsonNode answer : approval.path("approvers")) {
                String decision = answer.path("approverDecision").asString("pending");
                if (!decision.equals("approved") && !decision.equals("declined")) {
                    continue;
                }
                JsonNode approver = answer.path("approver");
                String who = IssueFields.userId(approver).isEmpty() ? approver.path("emailAddress").asString("?") : IssueFields.userId(approver);
                String email = approver.path("emailAddress").asString("");
                String name = approver.path("displayName").asString(who);
                decide(issueKey, requestId, approvalId, who, email, name, decision);
            }
        }
    }

    private void decide(String issueKey, UUID requestId, String approvalId, String who, String email, String name, String decision) {
        Optional<Person> person = email.contains("@") ? directory.personByEmail(email) : Optional.empty();
        Runnable seen = () -> jdbc.sql("insert into jira_approval_seen (issue_key, approval_id, approver, decision, seen_at) values (?, ?, ?, ?, ?)")
                .params(issueKey, approvalId, who, decision, Timestamp.from(clock.instant())).update();
        if (alreadySeen(issueKey, approvalId, who)) {
            return;
        }
        if (person.isEmpty()) {
            answer(issueKey, Note.of(name + "'s decision was not recorded",
                    email.isEmpty() ? "Jira does not show Clavis this approver's email address, so Clavis cannot tell who they are."
                            : "No person with the email " + email + " is in the directory Clavis reads.",
                    "The request still waits for its approvers in Clavis."), seen);
            return;
        }
        var command = new DecideAccessRequest(requestId, person.get().id(),
                decision.equals("approved") ? DecideAccessRequest.Decision.APPROVE : DecideAccessRequest.Decision.DENY,
                "Decided in Jira on " + issueKey, Channel.JIRA);
        attempt(issueKey, name + "'s decision was not recorded", () -> {
            seen.run();
            requests.decide(command);
        }, seen);
    }

    private boolean alreadySeen(String issueKey, String approvalId, String who) {
        return jdbc.sql("select count(*) from jira_approval_seen where issue_key = ? and approval_id = ? and approver = ?")
                .params(issueKey, approvalId, who).query(Long.class).single() > 0;
    }

    private void cancel(JsonNode event, IssueFields issue, @Nullable UUID requestId, Runnable done) {
        if (requestId == null) {
            return;
        }
        boolean byReporter = !issue.userId("reporter").isEmpty() && issue.userId("reporter").equals(IssueFields.userId(event.path("user")));
        Optional<Person> reporter = issue.email("reporter").flatMap(directory::personByEmail);
        if (!byReporter || reporter.isEmpty()) {
            answer(issue.key(), Note.of("The Clavis request is still open",
                    "Only the person who asked can cancel it; its approvers can decline it."), done);
            return;
        }
        attempt(issue.key(), "The Clavis request was not cancelled", () -> {
            requests.cancel(requestId, reporter.get().id());
            done.run();
        }, done);
    }

    private void act(IssueFields issue, IssueRules.Rule rule, IssueRules.Action action, String status) {
        String why = "Jira rule '" + rule.name() + "': " + issue.key() + " reached " + status;
        Optional<Person> reporter = issue.email("reporter").flatMap(directory::personByEmail);
        if (reporter.isEmpty()) {
            answer(issue.key(), Note.of("The rule '" + rule.name() + "' did nothing",
                    "Clavis cannot tell who reported the issue: the email address is hidden or not in the directory."), () -> {});
            return;
        }
        if (action.grant()) {
            String duration = action.duration() != null ? action.duration()
                    : catalog.current().role(action.role()).filter(r -> r.durations().size() == 1).map(r -> r.durations().get(0).toString()).orElse(null);
            var command = new SubmitAccessRequest(reporter.get().id(), null, action.role().appId(), action.role().roleId(), duration, why, Channel.JIRA, false);
            attempt(issue.key(), "The rule '" + rule.name() + "' could not ask for " + action.role(), () -> {
                AccessRequestView request = requests.submit(command);
                adopt(request.id(), issue.key(), null, Ticket.RULE);
            }, () -> {});
        } else {
            for (Grant grant : grants.inEffectFor(reporter.get().id())) {
                if (grant.role().equals(action.role())) {
                    attempt(issue.key(), "The rule '" + rule.name() + "' could not revoke " + action.role(),
                            () -> grants.revoke(grant.id(), why, "jira:" + issue.key()), () -> {});
                }
            }
        }
    }

    /** The request's ticket is this issue: its steps go there, and the request shows it. */
    private void adopt(UUID requestId, String issueKey, @Nullable String issueId, String origin) {
        Ticket ticket = queue.forRequest(requestId, origin);
        queue.linkIssue(ticket.id(), issueKey, issueId);
        jdbc.sql("update jira_ticket set origin = ? where id = ?").params(origin, ticket.id()).update();
        requests.linkTicket(requestId, new AccessRequestView.Ticket("jira", issueKey, settings.base() + "/browse/" + issueKey));
    }

    /**
     * Runs a domain action in a transaction; when the domain refuses it, that transaction rolls back
     * and the refusal is answered on the issue in another, with {@code orElse}.
     */
    private void attempt(String issueKey, String headline, Runnable action, Runnable orElse) {
        try {
            transactions.executeWithoutResult(status -> action.run());
        } catch (InvalidInputException | ForbiddenException | ConflictException | NotFoundException refused) {
            log.info("Jira {}: {}: {}", issueKey, headline, refused.getMessage());
            answer(issueKey, Note.of(headline, refused.getMessage()), orElse);
        }
    }

    private void answer(String issueKey, Note note, Runnable alsoInTransaction) {
        transactions.executeWithoutResult(status -> {
            Ticket ticket = queue.forAnswer(issueKey);
            queue.add(ticket.id(), Step.Kind.COMMENT, EvidenceRecorder.JSON.writeValueAsString(note));
            alsoInTransaction.run();
        });
    }

    private boolean ours(IssueFields issue) {
        return issue.projectKey().equalsIgnoreCase(settings.project().strip())
                && serviceDesk.isAccessRequestType(issue.field(settings.requestTypeField()));
    }

    private boolean pending(Ticket ticket) {
        return ticket.requestId() != null && requests.get(ticket.requestId()).status().equals(RequestStatus.PENDING_APPROVAL.name());
    }

    private static Optional<String> reachedStatus(JsonNode event) {
        for (JsonNode item : event.path("changelog").path("items")) {
            if ("status".equals(item.path("field").asString(""))) {
                return Optional.ofNullable(item.path("toString").asString(null));
            }
        }
        return Optional.empty();
    }
}
