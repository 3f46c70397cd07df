package dev.clavis.request.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.directory.PersonStatus;
import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantStatus;
import dev.clavis.grant.Grants;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.InvalidInputException.FieldError;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.ApprovalPreview;
import dev.clavis.request.Channel;
import dev.clavis.request.DecideAccessRequest;
import dev.clavis.request.RequestEvents.AccessRequestCancelled;
import dev.clavis.request.RequestEvents.AccessRequestSubmitted;
import dev.clavis.request.RequestStatus;
import dev.clavis.request.SubmitAccessRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RequestService implements AccessRequests {

    private final RequestStore store;
    private final RequestRouting routing;
    private final RequestDecisions decisions;
    private final RequestViews views;
    private final CatalogService catalog;
    private final Directory directory;
    private final Grants grants;
    private final RequestPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestService(RequestStore store, RequestRouting routing, RequestDecisions decisions, RequestViews views,
            CatalogService catalog, Directory directory, Grants grants, RequestPolicy policy,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.routing = routing;
        this.decisions = decisions;
        this.views = views;
        this.catalog = catalog;
        this.directory = directory;
        this.grants = grants;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public AccessRequestView submit(SubmitAccessRequest command) {
        Asked asked = asked(command, true);
        List<Grant> inEffect = refuseWhatIsOpenOrHeld(asked.beneficiary(), asked.role());
        var conflict = policy.conflict(asked.catalog(), asked.role(), inEffect);
        // Approved automatically, a request is stored approved at once rather than updated a moment later.
        Optional<String> automatic = conflict.isPresent() ? Optional.empty()
                : routing.automaticApproval(asked.role(), asked.requester(), asked.beneficiary(), asked.duration());
        StoredRequest request = insert(command.channel(), asked.requester(), asked.beneficiary(), asked.role(), asked.duration(),
                asked.justification(), asked.catalog(), null, automatic.isPresent());
        if (conflict.isPresent()) {
            routing.deny(request, toxicCombination(asked.role(), conflict.get()), null);
        } else if (automatic.isPresent()) {
            routing.grantApprovedAtSubmission(request, asked.role(), asked.beneficiary(), automatic.get());
        } else {
            routing.openFirstStage(request, asked.app(), asked.role());
        }
        return views.view(request.id(), List.of(asked.requester(), asked.beneficiary()));
    }

    @Override
    @Transactional(readOnly = true)
    public ApprovalPreview preview(SubmitAccessRequest command) {
        Asked asked = asked(command, false);
        List<Grant> inEffect = refuseWhatIsOpenOrHeld(asked.beneficiary(), asked.role());
        var conflict = policy.conflict(asked.catalog(), asked.role(), inEffect);
        if (conflict.isPresent()) {
            return new ApprovalPreview(ApprovalPreview.Outcome.DENIED, toxicCombination(asked.role(), conflict.get()), List.of());
        }
        return routing.preview(asked.app(), asked.role(), asked.requester(), asked.beneficiary(), asked.duration());
    }

    /** A submission checked against the catalog and the directory, before anything is stored. */
    private record Asked(Person requester, Person beneficiary, Catalog catalog, App app, Role role, AccessDuration duration,
            @Nullable String justification) {}

    /** @param justificationNeeded false for a preview, which is asked before the person has written one */
    private Asked asked(SubmitAccessRequest command, boolean justificationNeeded) {
        Person requester = requester(command.requester());
        Person beneficiary = beneficiary(command.beneficiary(), requester, command.requesterIsAdmin());
        Catalog current = catalog.current();
        var errors = new ArrayList<FieldError>();
        App app = null;
        Role role = null;
        if (blank(command.app())) {
            errors.add(new FieldError("app", "name the app, e.g. github"));
        } else {
            app = current.app(command.app().strip()).orElse(null);
            if (app == null) {
                errors.add(new FieldError("app", "the catalog has no app '" + command.app() + "'"));
            }
        }
        if (blank(command.role())) {
            errors.add(new FieldError("role", "name the role, e.g. admin"));
        } else if (app != null) {
            role = app.role(command.role().strip()).orElse(null);
            if (role == null) {
                errors.add(new FieldError("role", "the app " + app.id() + " has no role '" + command.role() + "'; its roles: "
                        + String.join(", ", app.roles().stream().map(Role::id).toList())));
            }
        }
        AccessDuration duration = role == null ? null : duration(command.duration(), role, errors);
        String justification = blank(command.justification()) ? null : command.justification().strip();
        if (justificationNeeded && role != null && role.requiresJustification() && justification == null) {
            errors.add(new FieldError("justification", "is required for " + role.risk().value() + " roles such as " + role.ref()));
        }
        if (justification != null && justification.length() > 4000) {
            errors.add(new FieldError("justification", "is longer than 4000 characters"));
        }
        if (beneficiary.status() != PersonStatus.ACTIVE) {
            errors.add(new FieldError("beneficiary", beneficiary.email() + " is " + beneficiary.status().name().toLowerCase()
                    + " in the directory and cannot be given access"));
        }
        if (!errors.isEmpty() || app == null || role == null || duration == null) {
            throw new InvalidInputException("The request was not made: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        return new Asked(requester, beneficiary, current, app, role, duration, justification);
    }

    /** Refuses a second open request, or a role the person holds already; answers the person's grants in effect. */
    private List<Grant> refuseWhatIsOpenOrHeld(Person beneficiary, Role role) {
        refuseSecondOpenRequest(beneficiary, role);
        List<Grant> inEffect = grants.inEffectFor(beneficiary.id());
        for (Grant held : inEffect) {
            if (held.role().equals(role.ref())) {
                throw new ConflictException(beneficiary.email() + " already holds " + role.ref() + " (grant " + held.id()
                        + "); ask for more time with POST /api/v1/grants/" + held.id() + "/extend");
            }
        }
        return inEffect;
    }

    private static String toxicCombination(Role role, Grant other) {
        return "Holding " + role.ref() + " together with " + other.role() + " (grant " + other.id()
                + ") is a toxic combination the catalog forbids";
    }

    @Override
    @Transactional
    public AccessRequestView extend(UUID grantId, UUID requesterId, String duration, @Nullable String justification,
            Channel channel, boolean requesterIsAdmin) {
        Person requester = requester(requesterId);
        Grant grant = grants.find(grantId).orElseThrow(() -> new NotFoundException("There is no grant " + grantId));
        if (grant.status() != GrantStatus.ACTIVE) {
            throw new ConflictException("Grant " + grantId + " is " + grant.status() + "; only an active grant can be extended");
        }
        Person beneficiary = directory.person(grant.personId()).orElseThrow();
        if (!beneficiary.id().equals(requester.id()) && !requesterIsAdmin && !requester.id().equals(beneficiary.managerId())) {
            throw new ForbiddenException("Only the person holding the grant, their manager or an admin may ask to extend it");
        }
        Catalog current = catalog.current();
        App app = current.app(grant.role().appId()).orElseThrow(() -> new ConflictException("The app of grant " + grantId + " is no longer in the catalog"));
        Role role = app.role(grant.role().roleId()).orElseThrow(() -> new ConflictException("The role of grant " + grantId + " is no longer in the catalog"));
        var errors = new ArrayList<FieldError>();
        AccessDuration length = duration(duration, role, errors);
        if (length != null && length.isPermanent()) {
            errors.add(new FieldError("duration", "an extension is for a length of time; ask for permanent access with a new request"));
        }
        String reason = blank(justification) ? null : justification.strip();
        if (role.requiresJustification() && reason == null) {
            errors.add(new FieldError("justification", "is required for " + role.risk().value() + " roles such as " + role.ref()));
        }
        if (!errors.isEmpty() || length == null) {
            throw new InvalidInputException("The extension was not asked: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        refuseSecondOpenRequest(beneficiary, role);
        StoredRequest request = insert(channel, requester, beneficiary, role, length, reason, current, grantId, false);
        routing.route(request, app, role, requester, beneficiary, length);
        return views.view(request.id(), List.of(requester, beneficiary));
    }

    @Override
    @Transactional
    public AccessRequestView decide(DecideAccessRequest command) {
        return decisions.decide(command);
    }

    @Override
    @Transactional
    public AccessRequestView cancel(UUID requestId, UUID by) {
        StoredRequest request = store.lock(requestId).orElseThrow(() -> new NotFoundException("There is no request " + requestId));
        if (!request.requesterId().equals(by)) {
            throw new ForbiddenException("Only the person who asked may cancel the request");
        }
        if (request.status() != RequestStatus.PENDING_APPROVAL) {
            throw new ConflictException("The request is " + request.status() + "; only a request waiting for approval can be cancelled"
                    + (request.grantId() == null ? "" : " (revoke grant " + request.grantId() + " instead)"));
        }
        Instant now = clock.instant();
        store.status(requestId, RequestStatus.CANCELLED, now);
        store.currentStage(requestId, null);
        store.timeline(requestId, "cancelled", "Cancelled by " + routing.name(by), now);
        events.publishEvent(new AccessRequestCancelled(requestId, by));
        return views.view(requestId);
    }

    @Override
    @Transactional(readOnly = true)
    public AccessRequestView get(UUID requestId) {
        return views.view(requestId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccessRequestView> awaitingDecisionOf(UUID approver, int limit) {
        return store.awaitingDecisionOf(approver, limit).stream().map(views::view).toList();
    }

    @Override
    @Transactional
    public void linkTicket(UUID requestId, AccessRequestView.Ticket ticket) {
        store.lock(requestId).orElseThrow(() -> new NotFoundException("There is no request " + requestId));
        store.ticket(requestId, ticket.system(), ticket.key(), ticket.url());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccessRequestView> of(UUID person, int limit) {
        return store.of(person, limit).stream().map(views::view).toList();
    }

    /**
     * @param approved whether the request is approved automatically: it is stored as such, being provisioned,
     *     with the id its grant will have
     */
    private StoredRequest insert(Channel channel, Person requester, Person beneficiary, Role role, AccessDuration duration,
            @Nullable String justification, Catalog current, @Nullable UUID extendsGrant, boolean approved) {
        Instant now = clock.instant();
        var request = new StoredRequest(UUID.randomUUID(), requester.id(), beneficiary.id(), role.appId(), role.id(),
                duration.toString(), justification, channel.value(),
                approved ? RequestStatus.PROVISIONING : RequestStatus.PENDING_APPROVAL, current.version(), null,
                approved, approved ? UUID.randomUUID() : null, extendsGrant, null, null, null, now, approved ? now : null, null);
        store.insert(request, now);
        String what = extendsGrant == null ? "Asked for " : "Asked to extend grant " + extendsGrant + " of ";
        store.timeline(request.id(), "submitted", what + role.ref() + " (" + role.risk().value() + ") for " + duration
                + " for " + RequestRouting.name(beneficiary) + " by " + RequestRouting.name(requester) + " via " + channel.value()
                + (justification == null ? "" : ": " + justification), now);
        events.publishEvent(new AccessRequestSubmitted(request.id(), requester.id(), beneficiary.id(), role.appId(), role.id(),
                duration.toString(), justification, channel.value(), current.version()));
        return request;
    }

    private void refuseSecondOpenRequest(Person beneficiary, Role role) {
        store.findOpen(beneficiary.id(), role.appId(), role.id()).ifPresent(open -> {
            throw new ConflictException(beneficiary.email() + " already has an open request for " + role.ref() + ": "
                    + open.id() + " (" + open.status() + ")");
        });
    }

    private Person requester(UUID id) {
        return directory.person(id).orElseThrow(() -> new ForbiddenException(
                "Your token's person is not in the directory; ask an admin for a token of your own"));
    }

    private Person beneficiary(@Nullable String named, Person requester, boolean requesterIsAdmin) {
        if (blank(named)) {
            return requester;
        }
        Person beneficiary = directory.resolve(named).orElseThrow(() -> new InvalidInputException(
                "beneficiary", "no person '" + named + "' in the directory"));
        boolean self = beneficiary.id().equals(requester.id());
        boolean manager = requester.id().equals(beneficiary.managerId());
        if (!self && !manager && !requesterIsAdmin) {
            throw new ForbiddenException("You may ask on behalf of " + beneficiary.email()
                    + " only as their manager or an admin");
        }
        return beneficiary;
    }

    private static @Nullable AccessDuration duration(@Nullable String text, Role role, List<FieldError> errors) {
        if (blank(text)) {
            errors.add(new FieldError("duration", "pick one of " + role.durations()));
            return null;
        }
        AccessDuration duration = AccessDuration.parse(text).orElse(null);
        if (duration == null) {
            errors.add(new FieldError("duration", "'" + text + "' is neither 'permanent' nor an ISO-8601 duration such as PT6H"));
            return null;
        }
        if (!role.allows(duration)) {
            errors.add(new FieldError("duration", "'" + text.strip() + "' is not allowed for " + role.ref() + "; pick one of "
                    + role.durations()));
            return null;
        }
        return duration;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
