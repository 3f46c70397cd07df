package dev.clavis.review.internal;

import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.RoleRef;
import dev.clavis.directory.Directory;
import dev.clavis.directory.PersonStatus;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.InvalidInputException.FieldError;
import dev.clavis.platform.NotFoundException;
import dev.clavis.review.ReviewEvents.ReviewCampaignStarted;
import dev.clavis.review.ReviewScope;
import dev.clavis.review.Reviews.Definition;
import dev.clavis.review.Reviews.ScopeInput;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining and starting campaigns. */
@Service
class ReviewCampaigns {

    private static final Logger log = LoggerFactory.getLogger(ReviewCampaigns.class);

    private final CampaignStore campaigns;
    private final ItemSnapshot snapshot;
    private final CatalogService catalog;
    private final Directory directory;
    private final ReviewSchedule schedule;
    private final ReviewAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    ReviewCampaigns(CampaignStore campaigns, ItemSnapshot snapshot, CatalogService catalog, Directory directory,
            ReviewSchedule schedule, ReviewAudit audit, ApplicationEventPublisher events, Clock clock,
            TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.snapshot = snapshot;
        this.catalog = catalog;
        this.directory = directory;
        this.schedule = schedule;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException naming every bad field; nothing is created
     */
    @Transactional
    Campaign create(Definition definition, String createdBy, @Nullable UUID creatorId) {
        Campaign campaign = check(definition, createdBy);
        campaigns.insert(campaign);
        audit.record("created", ReviewAudit.person(creatorId), campaign.id(), "name", campaign.name(),
                "scope", campaign.scope().toString(), "reviewers", campaign.reviewers().text(),
                "deadline", campaign.deadline().toString(), "onNoDecision", campaign.onNoDecision().text());
        return campaign;
    }

    /**
     * Snapshots the items and assigns their reviewers.
     *
     * @throws ConflictException when the campaign has started already, or its deadline has passed
     */
    Campaign start(UUID id, @Nullable UUID by) {
        Campaign started = transactions.execute(tx -> snapshot(id, by));
        refreshStatistics();
        return started;
    }

    private Campaign snapshot(UUID id, @Nullable UUID by) {
        Campaign campaign = campaigns.lock(id).orElseThrow(() -> notFound(id));
        if (campaign.status() != CampaignStatus.DRAFT) {
            throw new ConflictException("Campaign '" + campaign.name() + "' was started at " + campaign.startedAt()
                    + "; a campaign is started once, so that its items stay the snapshot it began with");
        }
        Instant now = clock.instant();
        if (!campaign.deadline().isAfter(now)) {
            throw new ConflictException("The deadline of campaign '" + campaign.name() + "' (" + campaign.deadline()
                    + ") has passed; create a new campaign with a later one");
        }
        Catalog current = catalog.current();
        ItemSnapshot.Counts counts = snapshot.take(campaign, current);
        campaigns.started(id, current.version(), counts.items(), now);
        schedule.deadline(id, campaign.deadline(), "deadline");
        audit.record("started", ReviewAudit.person(by), id, "items", counts.items(), "reviewers", counts.reviewers(),
                "unassigned", counts.unassigned(), "catalogVersion", current.version());
        events.publishEvent(new ReviewCampaignStarted(id, campaign.name(), campaign.deadline(), counts.items(), counts.reviewers()));
        return campaigns.find(id).orElseThrow();
    }

    /**
     * A snapshot may have grown the items table by a million rows: without fresh statistics PostgreSQL
     * plans the decisions that follow as if it were empty, and scans it whole for every chunk of ids.
     */
    private void refreshStatistics() {
        try {
            jdbc.execute("analyze");
        } catch (DataAccessException e) {
            log.warn("Could not refresh the database's statistics after starting a campaign; decisions may be slower: {}",
                    e.getMessage());
        }
    }

    Campaign get(UUID id) {
        return campaigns.find(id).orElseThrow(() -> notFound(id));
    }

    /** Newest first, before the given one. */
    List<Campaign> page(@Nullable Instant before, @Nullable UUID beforeId, int size) {
        return campaigns.page(before, beforeId, size);
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no review campaign " + id);
    }

    private Campaign check(Definition definition, String createdBy) {
        var errors = new ArrayList<FieldError>();
        String name = definition.name() == null ? "" : definition.name().strip();
        if (name.isEmpty() || name.length() > 256) {
            errors.add(new FieldError("name", "give the campaign a name of 1 to 256 characters"));
        }
        ReviewScope scope = scope(definition.scope(), errors);
        ReviewerRule reviewers = null;
        try {
            reviewers = ReviewerRule.parse(definition.reviewers());
            if (reviewers.kind() == ReviewerRule.Kind.USER && directory.personByEmail(reviewers.email())
                    .filter(p -> p.status() == PersonStatus.ACTIVE).isEmpty()) {
                errors.add(new FieldError("reviewers", "no active person " + reviewers.email() + " in the directory"));
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Instant deadline = null;
        try {
            deadline = Instant.parse(definition.deadline() == null ? "" : definition.deadline().strip());
            if (!deadline.isAfter(clock.instant())) {
                errors.add(new FieldError("deadline", "must be in the future, not " + deadline));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("deadline", "must be an ISO-8601 instant such as 2026-12-31T17:00:00Z, not '"
                    + definition.deadline() + "'"));
        }
        UndecidedRule onNoDecision = null;
        try {
            onNoDecision = UndecidedRule.parse(definition.onNoDecision());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The campaign cannot be created: " + errors.size() + " field(s) to fix", errors);
        }
        return new Campaign(UUID.randomUUID(), name, scope, reviewers, deadline, onNoDecision, CampaignStatus.DRAFT, null, 0,
                createdBy, clock.instant(), null, null, null, null, null, null, null, null);
    }

    private ReviewScope scope(@Nullable ScopeInput input, List<FieldError> errors) {
        if (input == null) {
            return new ReviewScope(List.of(), List.of(), List.of(), List.of());
        }
        Catalog current = catalog.current();
        List<String> apps = cleaned(input.apps());
        for (String app : apps) {
            if (current.app(app).isEmpty()) {
                errors.add(new FieldError("scope.apps", "the catalog has no app '" + app + "'"));
            }
        }
        List<String> roles = cleaned(input.roles());
        for (String role : roles) {
            int slash = role.indexOf('/');
            if (slash < 0 || current.role(new RoleRef(role.substring(0, slash), role.substring(slash + 1))).isEmpty()) {
                errors.add(new FieldError("scope.roles", "the catalog has no role '" + role + "' (write roles as app/role)"));
            }
        }
        List<String> groups = cleaned(input.groups());
        Set<String> existing = directory.existingGroupNames(groups);
        for (String group : groups) {
            if (!existing.contains(group)) {
                errors.add(new FieldError("scope.groups", "the directory has no group '" + group + "'"));
            }
        }
        return new ReviewScope(apps, roles, groups, cleaned(input.departments()));
    }

    private static List<String> cleaned(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }
}
