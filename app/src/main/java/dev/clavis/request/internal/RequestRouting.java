package dev.clavis.request.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApprovalStage;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grants;
import dev.clavis.grant.NewGrant;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.ApprovalPreview;
import dev.clavis.request.RequestEvents.AccessRequestApproved;
import dev.clavis.request.RequestEvents.AccessRequestDenied;
import dev.clavis.request.RequestEvents.AccessRequestFailed;
import dev.clavis.request.RequestEvents.ApprovalRequested;
import dev.clavis.request.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where a request goes next: approved automatically, to a stage's approvers, to a grant, or denied.
 * Every step is on the request's timeline and published as an event, in the caller's transaction.
 */
@Component
class RequestRouting {

    static final String STAGE_TIMEOUT = "request-stage-timeout";

    private final RequestStore store;
    private final CatalogService catalog;
    private final Directory directory;
    private final Grants grants;
    private final RequestPolicy policy;
    private final ApproverResolver approvers;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    RequestRouting(RequestStore store, CatalogService catalog, Directory directory, Grants grants, RequestPolicy policy,
            ApproverResolver approvers, ApplicationEventPublisher events, ObjectProvider<SchedulerClient> scheduler,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.directory = directory;
        this.grants = grants;
        this.policy = policy;
        this.approvers = approvers;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Routes a request just submitted: auto-approval, or the first stage. */
    void route(StoredRequest request, App app, Role role, Person requester, Person beneficiary, AccessDuration duration) {
        Optional<String> automatic = automaticApproval(role, requester, beneficiary, duration);
        if (automatic.isPresent()) {
            approve(request, role, name(beneficiary), true, automatic.get());
        } else {
            openFirstStage(request, app, role);
        }
    }

    /**
     * Makes the grant of a request stored approved already when it was submitted, the grant's id chosen then:
     * {@code reason} is why it needed no one's approval.
     */
    void grantApprovedAtSubmission(StoredRequest request, Role role, Person beneficiary, String reason) {
        grant(request, Objects.requireNonNull(request.grantId()), role, name(beneficiary), true, reason);
    }

    /** Stores the role's stages and opens the first: the role needs approval. */
    void openFirstStage(StoredRequest request, App app, Role role) {
        List<ApprovalStage> stages = ((Approval.Stages) role.approval()).stages();
        for (int i = 0; i < stages.size(); i++) {
            store.insertStage(request.id(), i, stages.get(i).approvers().text(), stages.get(i).require() == ApprovalStage.Require.ALL);
        }
        openStage(request, app, stages.get(0), 0, 0);
    }

    /**
     * Where {@link #route} would send the request, stored nowhere: each stage resolved as {@link #openStage}
     * would resolve it now.
     */
    ApprovalPreview preview(App app, Role role, Person requester, Person beneficiary, AccessDuration duration) {
        Optional<String> automatic = automaticApproval(role, requester, beneficiary, duration);
        if (automatic.isPresent()) {
            return new ApprovalPreview(ApprovalPreview.Outcome.APPROVED_AUTOMATICALLY, automatic.get(), List.of());
        }
        List<ApprovalStage> stages = ((Approval.Stages) role.approval()).stages();
        var previews = new ArrayList<ApprovalPreview.StagePreview>();
        Set<UUID> earlierApprovers = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            ApprovalStage stage = stages.get(i);
            var resolved = approvers.resolve(stage.approvers(), app, requester.id(), beneficiary.id(), 0);
            List<Person> people = resolved.map(ApproverResolver.Approvers::persons).orElse(List.of());
            previews.add(new ApprovalPreview.StagePreview(i + 1, stage.approvers().text(),
                    stage.require().name().toLowerCase(Locale.ROOT),
                    resolved.map(ApproverResolver.Approvers::description).orElse("no one"),
                    resolved.map(ApproverResolver.Approvers::escalation).orElse(ApproverResolver.ADMINS),
                    people.stream().map(RequestRouting::ref).toList(),
                    people.stream().filter(p -> earlierApprovers.contains(p.id())).map(RequestRouting::ref).toList(),
                    stage.timeout()));
            people.forEach(p -> earlierApprovers.add(p.id()));
        }
        return new ApprovalPreview(ApprovalPreview.Outcome.STAGES, null, previews);
    }

    /** The reason a request is approved with no stage, if it is: the role needs none, or its CEL condition holds. */
    Optional<String> automaticApproval(Role role, Person requester, Person beneficiary, AccessDuration duration) {
        if (role.approval() instanceof Approval.Auto) {
            return Optional.of("the role " + role.ref() + " needs no approval");
        }
        if (policy.autoApproves(role, requester, beneficiary, duration)) {
            return Optional.of("the role's autoApprove condition held: " + role.autoApprove());
        }
        return Optional.empty();
    }

    /** Opens a stage at an escalation level, or fails the request when no one at all can approve it. */
    void openStage(StoredRequest request, App app, ApprovalStage stage, int index, int fromLevel) {
        Instant now = clock.instant();
        var resolved = approvers.resolve(stage.approvers(), app, request.requesterId(), request.beneficiaryId(), fromLevel);
        if (resolved.isEmpty()) {
            fail(request, "No one can approve stage " + (index + 1) + " (" + stage.approvers().text()
                    + "): neither the rule, the app owners nor the admins name anyone but the requester or beneficiary");
            return;
        }
        var chosen = resolved.get();
        Instant timeoutAt = stage.timeout() == null ? null : now.plus(stage.timeout());
        store.openStage(request.id(), index, chosen.escalation(), chosen.people(), now, timeoutAt);
        store.currentStage(request.id(), index);
        store.timeline(request.id(), "stage.opened", "Stage " + (index + 1) + " waits for " + chosen.description() + ": "
                + names(chosen.people()), now);
        if (carryEarlierApprovals(request, index, stage, chosen.people(), now)) {
            store.stageStatus(request.id(), index, "APPROVED", now);
            advance(request, index);
            return;
        }
        events.publishEvent(new ApprovalRequested(request.id(), index, chosen.description(), chosen.escalation(), chosen.people()));
        if (timeoutAt != null) {
            scheduler.getObject().schedule(new TaskInstance<>(STAGE_TIMEOUT, request.id() + ":" + index + ":" + chosen.escalation()), timeoutAt);
        }
    }

    /** After a stage is approved: the next stage, or the grant when it was the last. */
    void advance(StoredRequest request, int approvedStage) {
        int next = approvedStage + 1;
        App app = catalog.current().app(request.appId()).orElse(null);
        Role role = app == null ? null : app.role(request.roleId()).orElse(null);
        if (role == null) {
            fail(request, "The role " + request.appId() + "/" + request.roleId() + " is no longer in the catalog");
        } else if (next >= store.stageCount(request.id())) {
            approve(request, role, name(request.beneficiaryId()), false, "Every stage approved");
        } else if (!(role.approval() instanceof Approval.Stages stages) || stages.stages().size() <= next) {
            fail(request, "The role " + role.ref() + " changed in the catalog while the request waited");
        } else {
            openStage(request, app, stages.stages().get(next), next, 0);
        }
    }

    /**
     * Someone who approved an earlier stage and is an approver of this one (a manager who also owns
     * the app) is not asked twice: their approval counts here too. Answers whether that completes the stage.
     */
    private boolean carryEarlierApprovals(StoredRequest request, int index, ApprovalStage stage, List<UUID> stageApprovers,
            Instant now) {
        var earlier = store.approvalsBefore(request.id(), index);
        var carried = stageApprovers.stream().filter(earlier::contains).toList();
        for (UUID approver : carried) {
            store.insertDecision(request.id(), index, approver, "approve", "approved at an earlier stage", "carried", now);
            store.timeline(request.id(), "decision", "Stage " + (index + 1) + " approved by " + name(approver)
                    + ", who approved an earlier stage", now);
        }
        boolean requireAll = stage.require() == ApprovalStage.Require.ALL;
        return !carried.isEmpty() && (!requireAll || carried.containsAll(stageApprovers));
    }

    /** The request is approved under the catalog's role: a grant is made and its memberships queued, in this transaction. */
    private void approve(StoredRequest request, Role role, String beneficiary, boolean automatic, String reason) {
        Instant now = clock.instant();
        AccessDuration duration = AccessDuration.parse(request.duration()).orElseThrow();
        if (request.extendsGrantId() != null) {
            Instant expiresAt = now.plus(duration.length());
            grants.extend(request.extendsGrantId(), expiresAt, "request:" + request.id());
            store.approved(request.id(), request.extendsGrantId(), automatic, now);
            store.status(request.id(), RequestStatus.GRANTED, now);
            store.timeline(request.id(), "approved", reason, now);
            store.timeline(request.id(), "extended", "Grant " + request.extendsGrantId() + " now expires at " + expiresAt
                    + "; the directory was not touched", now);
            events.publishEvent(new AccessRequestApproved(request.id(), automatic, reason, request.extendsGrantId()));
            return;
        }
        UUID grantId = UUID.randomUUID();
        store.approved(request.id(), grantId, automatic, now);
        grant(request, grantId, role, beneficiary, automatic, reason);
    }

    /** Makes the approved request's grant, which queues its memberships, and says so. */
    private void grant(StoredRequest request, UUID grantId, Role role, String beneficiary, boolean automatic, String reason) {
        Instant now = clock.instant();
        AccessDuration duration = AccessDuration.parse(request.duration()).orElseThrow();
        grants.create(new NewGrant(grantId, request.id(), request.beneficiaryId(), role, duration));
        store.timeline(request.id(), "approved", reason, now);
        store.timeline(request.id(), "provisioning", "Adding " + beneficiary + " to "
                + String.join(", ", role.groups()) + " in the directory (grant " + grantId + ")", now);
        events.publishEvent(new AccessRequestApproved(request.id(), automatic, reason, grantId));
    }

    void deny(StoredRequest request, String reason, @Nullable UUID by) {
        Instant now = clock.instant();
        store.status(request.id(), RequestStatus.DENIED, now);
        store.currentStage(request.id(), null);
        store.timeline(request.id(), "denied", reason, now);
        events.publishEvent(new AccessRequestDenied(request.id(), reason, by));
    }

    void fail(StoredRequest request, String reason) {
        Instant now = clock.instant();
        store.status(request.id(), RequestStatus.FAILED, now);
        store.currentStage(request.id(), null);
        store.timeline(request.id(), "failed", reason, now);
        events.publishEvent(new AccessRequestFailed(request.id(), reason));
    }

    String names(List<UUID> people) {
        return people.stream().map(this::name).collect(Collectors.joining(", "));
    }

    String name(UUID person) {
        return directory.person(person).map(RequestRouting::name).orElse(person.toString());
    }

    private static AccessRequestView.PersonRef ref(Person person) {
        return new AccessRequestView.PersonRef(person.id(), person.email(), person.displayName());
    }

    static String name(Person person) {
        return person.displayName() + " <" + person.email() + ">";
    }
}
