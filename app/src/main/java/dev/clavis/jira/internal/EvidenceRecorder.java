package dev.clavis.jira.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApprovalStage;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.grant.GrantActivated;
import dev.clavis.grant.GrantEnded;
import dev.clavis.grant.GrantExpiringSoon;
import dev.clavis.grant.GrantExtended;
import dev.clavis.grant.GrantRemovalConfirmed;
import dev.clavis.grant.GrantStatus;
import dev.clavis.grant.Grants;
import dev.clavis.request.Channel;
import dev.clavis.request.RequestEvents.AccessRequestApproved;
import dev.clavis.request.RequestEvents.AccessRequestCancelled;
import dev.clavis.request.RequestEvents.AccessRequestDenied;
import dev.clavis.request.RequestEvents.AccessRequestFailed;
import dev.clavis.request.RequestEvents.AccessRequestSubmitted;
import dev.clavis.request.RequestEvents.ApprovalEscalated;
import dev.clavis.request.RequestEvents.ApprovalRequested;
import dev.clavis.request.RequestEvents.DecisionRecorded;
import dev.clavis.request.RequestStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each step of a request and its grant into what its Jira issue must be told, queued in the
 * same transaction as the step. The listeners are synchronous on purpose: asynchronous listeners
 * would receive a request's events in no particular order, and the ticket must read in order.
 */
class EvidenceRecorder {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final TicketQueue queue;
    private final Directory directory;
    private final CatalogService catalog;
    private final Grants grants;

    EvidenceRecorder(TicketQueue queue, Directory directory, CatalogService catalog, Grants grants) {
        this.queue = queue;
        this.directory = directory;
        this.catalog = catalog;
        this.grants = grants;
    }

    @EventListener
    void on(AccessRequestSubmitted event) {
        boolean fromJira = event.channel().equals(Channel.JIRA.value());
        Ticket ticket = queue.forRequest(event.requestId(), fromJira ? Ticket.CREATED : Ticket.MIRRORED);
        if (!fromJira) {
            queue.add(ticket.id(), Step.Kind.CREATE_ISSUE, "{}");
        }
        var facts = new ArrayList<String>();
        facts.add("For: " + name(event.beneficiary()) + (event.requester().equals(event.beneficiary()) ? "" : ", asked by " + name(event.requester())));
        facts.add("Role: " + event.app() + "/" + event.role() + ", for " + AccessDuration.describe(event.duration()));
        if (event.justification() != null) {
            facts.add("Justification: " + event.justification());
        }
        facts.add("Policy: " + policy(event));
        facts.add("Clavis request " + event.requestId() + " (via " + event.channel() + ")");
        comment(ticket, new Note("Access request opened", facts));
        property(ticket, RequestStatus.PENDING_APPROVAL);
    }

    @EventListener
    void on(ApprovalRequested event) {
        stage(event.requestId(), "Waiting for approval, stage " + (event.stage() + 1) + " (" + event.rule() + ")", event.approvers(), null);
    }

    @EventListener
    void on(ApprovalEscalated event) {
        stage(event.requestId(), "Stage " + (event.stage() + 1) + " escalated", event.approvers(), event.reason());
    }

    @EventListener
    void on(DecisionRecorded event) {
        note(event.requestId(), Note.of((event.decision().equalsIgnoreCase("approve") ? "Approved" : "Denied") + " by "
                        + name(event.decidedBy()) + " (stage " + (event.stage() + 1) + ", via " + event.channel() + ")",
                event.comment() == null ? new String[0] : new String[] {"Comment: " + event.comment()}));
    }

    @EventListener
    void on(AccessRequestApproved event) {
        ticket(event.requestId()).ifPresent(ticket -> {
            comment(ticket, Note.of(event.automatic() ? "Approved automatically" : "Approved", "Why: " + event.reason(),
                    "The identity provider is being asked for the access"));
            transition(ticket, "approved");
            property(ticket, null);
        });
    }

    @EventListener
    void on(AccessRequestDenied event) {
        ticket(event.requestId()).ifPresent(ticket -> {
            comment(ticket, Note.of("Denied" + (event.decidedBy() == null ? "" : " by " + name(event.decidedBy())), "Why: " + event.reason()));
            transition(ticket, "denied");
            property(ticket, RequestStatus.DENIED);
        });
    }

    @EventListener
    void on(AccessRequestCancelled event) {
        ticket(event.requestId()).ifPresent(ticket -> {
            comment(ticket, Note.of("Cancelled by " + name(event.by())));
            property(ticket, RequestStatus.CANCELLED);
        });
    }

    @EventListener
    void on(AccessRequestFailed event) {
        ticket(event.requestId()).ifPresent(ticket -> {
            comment(ticket, Note.of("Failed", event.reason()));
            property(ticket, RequestStatus.FAILED);
        });
    }

    @EventListener
    void on(GrantActivated event) {
        ticket(event.requestId()).ifPresent(ticket -> {
            comment(ticket, Note.of("Granted", "Added to " + String.join(", ", event.groups()) + " in the identity provider",
                    "The directory confirmed every membership at " + event.grantedAt(),
                    event.expiresAt() == null ? "The access is permanent, until revoked or reviewed away" : "Expires at " + event.expiresAt()));
            transition(ticket, "granted");
            property(ticket, RequestStatus.GRANTED);
        });
    }

    @EventListener
    void on(GrantEnded event) {
        ticket(event.requestId()).ifPresent(ticket -> {
            comment(ticket, event.status() == GrantStatus.EXPIRED
                    ? Note.of("Expired at " + event.endedAt(), "The memberships are being removed from the identity provider")
                    : Note.of("Revoked at " + event.endedAt() + " by " + event.by(), "Why: " + event.reason(),
                            "The memberships are being removed from the identity provider"));
            transition(ticket, "ended");
            property(ticket, event.status() == GrantStatus.EXPIRED ? RequestStatus.EXPIRED : RequestStatus.REVOKED);
        });
    }

    @EventListener
    void on(GrantRemovalConfirmed event) {
        note(event.requestId(), Note.of("Access removed", "The directory confirmed at " + event.confirmedAt() + " that the access is gone"));
    }

    @EventListener
    void on(GrantExtended event) {
        grants.find(event.grantId()).ifPresent(grant -> ticket(grant.requestId()).ifPresent(ticket -> {
            comment(ticket, Note.of("Extended by " + event.by(), "Now expires at " + event.expiresAt()
                    + (event.previousExpiresAt() == null ? "" : " (was " + event.previousExpiresAt() + ")")));
            property(ticket, null);
        }));
    }

    @EventListener
    void on(GrantExpiringSoon event) {
        note(event.requestId(), Note.of("Expires soon", "The access ends at " + event.expiresAt() + "; ask for more time in Clavis if it is still needed"));
    }

    private void stage(UUID requestId, String headline, List<UUID> approvers, @Nullable String reason) {
        ticket(requestId).ifPresent(ticket -> {
            var facts = new ArrayList<String>();
            facts.add("Approvers: " + String.join(", ", approvers.stream().map(this::name).toList()));
            if (reason != null) {
                facts.add("Why: " + reason);
            }
            comment(ticket, new Note(headline, facts));
            queue.add(ticket.id(), Step.Kind.APPROVERS, JSON.writeValueAsString(emails(approvers)));
        });
    }

    private String policy(AccessRequestSubmitted event) {
        Role role = catalog.version(event.catalogVersion()).flatMap(c -> c.role(event.app(), event.role())).orElse(null);
        if (role == null) {
            return "catalog version " + event.catalogVersion();
        }
        if (!(role.approval() instanceof Approval.Stages stages)) {
            return "approved automatically (" + role.risk().value() + " risk)";
        }
        var text = new ArrayList<String>();
        for (int i = 0; i < stages.stages().size(); i++) {
            ApprovalStage stage = stages.stages().get(i);
            text.add("stage " + (i + 1) + ": " + stage.approvers().text() + (stage.require() == ApprovalStage.Require.ALL ? " (all)" : ""));
        }
        return role.risk().value() + " risk; " + String.join(", then ", text)
                + (role.autoApprove() == null ? "" : "; approved automatically when " + role.autoApprove());
    }

    private void note(@Nullable UUID requestId, Note note) {
        ticket(requestId).ifPresent(ticket -> comment(ticket, note));
    }

    private void comment(Ticket ticket, Note note) {
        queue.add(ticket.id(), Step.Kind.COMMENT, JSON.writeValueAsString(note));
    }

    /**
     * @param status what the request is at this step, where the step decides it: the request module
     *     records some steps (granted, expired) after its own asynchronous listeners, so reading the
     *     request when the property is sent could show the step before
     */
    private void property(Ticket ticket, @Nullable RequestStatus status) {
        var payload = JSON.createObjectNode();
        if (status != null) {
            payload.put("status", status.name());
        }
        queue.add(ticket.id(), Step.Kind.PROPERTY, JSON.writeValueAsString(payload));
    }

    private void transition(Ticket ticket, String which) {
        queue.add(ticket.id(), Step.Kind.TRANSITION, JSON.writeValueAsString(which));
    }

    private java.util.Optional<Ticket> ticket(@Nullable UUID requestId) {
        return requestId == null ? java.util.Optional.empty() : queue.byRequest(requestId);
    }

    private List<String> emails(Collection<UUID> people) {
        return people.stream().map(directory::person).flatMap(java.util.Optional::stream).map(Person::email).toList();
    }

    private String name(UUID personId) {
        return directory.person(personId).map(p -> p.displayName() + " <" + p.email() + ">").orElse(personId.toString());
    }
}
