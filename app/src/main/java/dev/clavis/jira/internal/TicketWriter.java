package dev.clavis.jira.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.CatalogService;
import dev.clavis.grant.Grants;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works a leased ticket's queue: coalesces its steps into calls, makes them in order, and removes
 * each step once Jira has it. A transient failure stops the ticket where it is and schedules it again
 * (never sooner than Jira's {@code Retry-After}); a refused call is recorded and passed over, so one
 * bad step cannot hold the issue's evidence back forever.
 */
class TicketWriter {

    private static final Logger log = LoggerFactory.getLogger(TicketWriter.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final TicketQueue queue;
    private final JiraClient client;
    private final ServiceDesk serviceDesk;
    private final JiraSettings settings;
    private final AccessRequests requests;
    private final Grants grants;
    private final CatalogService catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ConcurrentMap<String, String> jiraUsers = new ConcurrentHashMap<>();

    TicketWriter(TicketQueue queue, JiraClient client, ServiceDesk serviceDesk, JiraSettings settings, AccessRequests requests,
            Grants grants, CatalogService catalog, TransactionTemplate transactions, Clock clock) {
        this.queue = queue;
        this.client = client;
        this.serviceDesk = serviceDesk;
        this.settings = settings;
        this.requests = requests;
        this.grants = grants;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return whether there was a ticket to work */
    boolean workOne() {
        Optional<Ticket> claimed = queue.claim();
        claimed.ifPresent(this::work);
        return claimed.isPresent();
    }

    private void work(Ticket leased) {
        Ticket ticket = leased;
        for (Coalescing.Call call : Coalescing.calls(queue.steps(ticket.id()))) {
            try {
                ticket = send(ticket, call);
                queue.done(call.steps());
            } catch (JiraCallFailed e) {
                if (e.isTransient() || call instanceof Coalescing.CreateIssue) {
                    Duration wait = backoff(ticket.attempts());
                    if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
                        wait = e.retryAfter();
                    }
                    log.info("Jira issue {} of ticket {}: {}; trying again in {}", ticket.issueKey(), ticket.id(), e.getMessage(), wait);
                    queue.retryLater(ticket.id(), clock.instant().plus(wait), e.getMessage());
                    return;
                }
                log.warn("Jira refused a write to {} and it is passed over: {}", ticket.issueKey(), e.getMessage());
                queue.recordError(ticket.id(), e.getMessage());
                queue.done(call.steps());
            }
        }
        queue.release(ticket.id());
    }

    private Ticket send(Ticket ticket, Coalescing.Call call) {
        if (call instanceof Coalescing.CreateIssue) {
            return ticket.issueKey() != null ? ticket : createIssue(ticket);
        }
        String key = ticket.issueKey();
        if (key == null) {
            throw new JiraCallFailed("ticket " + ticket.id() + " has no issue yet", 0, false, null);
        }
        if (call instanceof Coalescing.Comment comment) {
            client.comment(key, CommentFormat.body(client.flavor(), comment.notes()));
        } else if (call instanceof Coalescing.Transition transition) {
            transition(key, transition.which());
        } else if (call instanceof Coalescing.Approvers approvers) {
            approvers(key, approvers.emails());
        } else if (call instanceof Coalescing.Property property) {
            property(key, ticket, property.status());
        }
        return ticket;
    }

    private Ticket createIssue(Ticket ticket) {
        if (ticket.requestId() == null) {
            throw new JiraCallFailed("ticket " + ticket.id() + " has no request to create an issue for", 0, false, null);
        }
        AccessRequestView request = requests.get(ticket.requestId());
        ServiceDesk.Resolved desk = serviceDesk.resolve();
        ObjectNode body = EvidenceRecorder.JSON.createObjectNode()
                .put("serviceDeskId", desk.serviceDeskId())
                .put("requestTypeId", desk.requestTypeId());
        jiraUser(request.beneficiary().email()).ifPresent(user -> body.put("raiseOnBehalfOf", user));
        ObjectNode values = body.putObject("requestFieldValues");
        values.put("summary", "Access to " + request.app() + "/" + request.role() + " for " + request.beneficiary().displayName());
        select(values, desk, settings.fields().app(), request.app(), catalog.current().app(request.app()).map(a -> a.name()).orElse(request.app()));
        select(values, desk, settings.fields().role(), request.role(), request.role());
        AccessDuration duration = AccessDuration.parse(request.duration()).orElse(AccessDuration.PERMANENT);
        desk.field(settings.fields().duration()).flatMap(field -> field.options().stream()
                        .filter(option -> AccessDuration.parseWritten(option).filter(duration::equals).isPresent()).findFirst())
                .ifPresent(option -> values.putObject(settings.fields().duration()).put("value", option));
        if (request.justification() != null && desk.field(settings.fields().justification()).isPresent()) {
            values.put(settings.fields().justification(), request.justification());
        }
        JsonNode created = client.createRequest(body);
        String key = created.path("issueKey").asString();
        String url = created.path("_links").path("web").asString(client.base() + "/browse/" + key);
        transactions.executeWithoutResult(status -> {
            queue.linkIssue(ticket.id(), key, created.path("issueId").asString(null));
            requests.linkTicket(ticket.requestId(), new AccessRequestView.Ticket("jira", key, url));
        });
        return new Ticket(ticket.id(), ticket.requestId(), ticket.origin(), key, ticket.attempts());
    }

    /** Sets a select field to the option that names the catalog entry, when the request type has one. */
    private static void select(ObjectNode values, ServiceDesk.Resolved desk, String fieldId, String id, String name) {
        desk.field(fieldId).flatMap(field -> field.options().stream()
                        .filter(option -> option.equalsIgnoreCase(id) || option.equalsIgnoreCase(name)).findFirst())
                .ifPresent(option -> values.putObject(fieldId).put("value", option));
    }

    private void transition(String key, String which) {
        String wanted = switch (which) {
            case "approved" -> settings.transitions().approved();
            case "granted" -> settings.transitions().granted();
            case "denied" -> settings.transitions().denied();
            default -> settings.transitions().ended();
        };
        if (wanted.isBlank()) {
            return;
        }
        String target = wanted.strip().toLowerCase(Locale.ROOT);
        for (JsonNode transition : client.transitions(key).path("transitions")) {
            if (target.equals(transition.path("id").asString("")) || target.equals(transition.path("name").asString("").toLowerCase(Locale.ROOT))) {
                client.transition(key, transition.path("id").asString());
                return;
            }
        }
        throw new JiraCallFailed("the transition '" + wanted + "' (" + which + ") is not available from the current status of " + key,
                409, false, null);
    }

    private void approvers(String key, List<String> emails) {
        String field = settings.fields().approvers();
        if (field.isBlank()) {
            return;
        }
        ArrayNode users = EvidenceRecorder.JSON.createArrayNode();
        for (String email : emails) {
            jiraUser(email).ifPresent(user -> users.addObject().put(client.flavor() == JiraFlavor.CLOUD ? "accountId" : "name", user));
        }
        client.editFields(key, EvidenceRecorder.JSON.createObjectNode().set(field, users));
    }

    private void property(String key, Ticket ticket, @Nullable String status) {
        if (ticket.requestId() == null) {
            return;
        }
        AccessRequestView request = requests.get(ticket.requestId());
        ObjectNode value = EvidenceRecorder.JSON.createObjectNode()
                .put("requestId", request.id().toString())
                .put("status", status != null ? status : request.status());
        Instant expiresAt = request.grantId() == null ? null : grants.find(request.grantId()).map(g -> g.expiresAt()).orElse(null);
        value.put("grantId", request.grantId() == null ? null : request.grantId().toString());
        value.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        client.setProperty(key, "clavis", value);
    }

    private Optional<String> jiraUser(String email) {
        String known = jiraUsers.get(email.toLowerCase(Locale.ROOT));
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = client.userByEmail(email);
        found.ifPresent(user -> jiraUsers.put(email.toLowerCase(Locale.ROOT), user));
        return found;
    }

    private Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 20));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
