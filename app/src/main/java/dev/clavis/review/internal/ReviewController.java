package dev.clavis.review.internal;

import dev.clavis.directory.Directory;
import dev.clavis.platform.Caller;
import dev.clavis.platform.Callers;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import dev.clavis.platform.Scope;
import dev.clavis.review.ReviewViews.CampaignView;
import dev.clavis.review.ReviewViews.ItemView;
import dev.clavis.review.Reviews;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access review campaigns over HTTP. Admins run campaigns; reviewers (the {@code review} scope) see and
 * decide their items; admins and auditors read everything, evidence included.
 */
@RestController
class ReviewController {

    private final ReviewCampaigns campaigns;
    private final ReviewDecisions decisions;
    private final CampaignClosing closing;
    private final CampaignViewer campaignViewer;
    private final ItemViewer itemViewer;
    private final Evidence evidence;
    private final Directory directory;
    private final NamedParameterJdbcTemplate jdbc;

    ReviewController(ReviewCampaigns campaigns, ReviewDecisions decisions, CampaignClosing closing, CampaignViewer campaignViewer,
            ItemViewer itemViewer, Evidence evidence, Directory directory, NamedParameterJdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.decisions = decisions;
        this.closing = closing;
        this.campaignViewer = campaignViewer;
        this.itemViewer = itemViewer;
        this.evidence = evidence;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** @param start false keeps the campaign a draft, started later with {@code POST /api/v1/reviews/{id}/start} */
    record Create(@Nullable String name, Reviews.@Nullable ScopeInput scope, @Nullable String reviewers,
            @Nullable String deadline, @Nullable String onNoDecision, @Nullable Boolean start) {}

    record Decide(@Nullable String decision, @Nullable String comment) {}

    record DecideMany(@Nullable List<Long> items, @Nullable String decision, @Nullable String comment) {}

    record Decided(int decided) {}

    record Reassign(@Nullable String reviewer, @Nullable String reason) {}

    @PostMapping("/api/v1/reviews")
    ResponseEntity<CampaignView> create(@RequestBody Create body) {
        Caller caller = admin();
        Campaign campaign = campaigns.create(new Reviews.Definition(body.name(), body.scope(), body.reviewers(),
                body.deadline(), body.onNoDecision()), caller.name(), caller.personId());
        if (body.start() == null || body.start()) {
            campaign = campaigns.start(campaign.id(), caller.personId());
        }
        return ResponseEntity.created(URI.create("/api/v1/reviews/" + campaign.id())).body(campaignViewer.view(campaign));
    }

    @PostMapping("/api/v1/reviews/{id}/start")
    CampaignView start(@PathVariable UUID id) {
        return campaignViewer.view(campaigns.start(id, admin().personId()));
    }

    @GetMapping("/api/v1/reviews")
    Page<CampaignView> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        reader();
        PageRequest page = PageRequest.of(cursor, limit);
        Instant before = null;
        UUID beforeId = null;
        if (page.after() != null) {
            try {
                before = Instant.parse(page.after().value());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API gave out; start again without it");
            }
            beforeId = page.after().uuid();
        }
        List<Campaign> found = campaigns.page(before, beforeId, page.fetchSize());
        return page.page(found, c -> c.createdAt().toString(), Campaign::id).map(campaignViewer::view);
    }

    @GetMapping("/api/v1/reviews/{id}")
    CampaignView get(@PathVariable UUID id) {
        reader();
        return campaignViewer.view(campaigns.get(id));
    }

    /**
     * @param reviewer {@code me} (the default), a person's id or email, or {@code all}; others' items are for admins and auditors
     * @param decision {@code undecided}, {@code keep} or {@code revoke}
     */
    @GetMapping("/api/v1/reviews/{id}/items")
    Page<ItemView> items(@PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reviewer,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Caller caller = reader();
        campaigns.get(id);
        PageRequest page = PageRequest.of(cursor, limit);
        var sql = new StringBuilder("select * from review_item where campaign_id = :campaign");
        var params = new MapSqlParameterSource("campaign", id);
        String who = reviewer == null || reviewer.isBlank() ? "me" : reviewer.strip();
        if (!who.equals("all")) {
            UUID reviewerId = who.equals("me") ? caller.personId() : directory.resolve(who)
                    .orElseThrow(() -> new InvalidInputException("reviewer", "no person '" + reviewer + "' in the directory")).id();
            if (reviewerId == null) {
                throw new InvalidInputException("reviewer", "this token belongs to no person: name a reviewer, or all");
            }
            if (!reviewerId.equals(caller.personId()) && !seesAll(caller)) {
                throw new ForbiddenException("You may list only your own items; admins and auditors may list anyone's");
            }
            sql.append(" and reviewer_id = :reviewer");
            params.addValue("reviewer", reviewerId);
        } else if (!seesAll(caller)) {
            throw new ForbiddenException("Only admins and auditors may list every item; list yours with reviewer=me");
        }
        if (decision != null && !decision.isBlank()) {
            String wanted = decision.strip().toLowerCase(Locale.ROOT);
            switch (wanted) {
                case "undecided" -> sql.append(" and decision is null");
                case "keep", "revoke" -> {
                    sql.append(" and decision = :decision");
                    params.addValue("decision", wanted.toUpperCase(Locale.ROOT));
                }
                default -> throw new InvalidInputException("decision", "must be undecided, keep or revoke, not '" + decision + "'");
            }
        }
        page.afterItem().ifPresent(after -> {
            try {
                params.addValue("after", Long.parseLong(after.id()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cursor", "is not a cursor this API gave out; start again without it");
            }
            sql.append(" and id > :after");
        });
        sql.append(" order by id fetch first ").append(page.fetchSize()).append(" rows only");
        List<StoredItem> found = jdbc.query(sql.toString(), params, StoredItem::map);
        return page.page(found, item -> String.valueOf(item.id()), StoredItem::id).map(itemViewer::view);
    }

    @GetMapping("/api/v1/reviews/{id}/items/{itemId}")
    ItemView item(@PathVariable UUID id, @PathVariable long itemId) {
        Caller caller = reader();
        StoredItem item = itemViewer.item(id, itemId);
        if (!seesAll(caller) && !(caller.personId() != null && caller.personId().equals(item.reviewerId()))) {
            throw new ForbiddenException("Item " + itemId + " is not yours to review");
        }
        return itemViewer.view(item);
    }

    @PostMapping("/api/v1/reviews/{id}/items/{itemId}/decision")
    ItemView decide(@PathVariable UUID id, @PathVariable long itemId, @RequestBody Decide body) {
        UUID reviewer = reviewer();
        decisions.decide(id, List.of(itemId), ReviewDecisions.Decision.parse(body.decision()), body.comment(), reviewer);
        return itemViewer.view(itemViewer.item(id, itemId));
    }

    /** A reviewer's selected items, all decided the same way in one call, or none at all. */
    @PostMapping("/api/v1/reviews/{id}/decisions")
    Decided decideMany(@PathVariable UUID id, @RequestBody DecideMany body) {
        UUID reviewer = reviewer();
        List<Long> items = body.items() == null ? List.of() : new ArrayList<>(body.items());
        if (items.contains(null)) {
            throw new InvalidInputException("items", "item ids are numbers; null is not one");
        }
        return new Decided(decisions.decide(id, items, ReviewDecisions.Decision.parse(body.decision()), body.comment(), reviewer));
    }

    @PostMapping("/api/v1/reviews/{id}/items/{itemId}/reassign")
    ItemView reassign(@PathVariable UUID id, @PathVariable long itemId, @RequestBody Reassign body) {
        Caller caller = Callers.current();
        if (!caller.has(Scope.REVIEW) && !caller.has(Scope.ADMIN)) {
            throw new ForbiddenException("This needs a token with the 'review' or 'admin' scope");
        }
        decisions.reassign(id, itemId, body.reviewer(), body.reason(), caller.personId(), caller.has(Scope.ADMIN));
        return itemViewer.view(itemViewer.item(id, itemId));
    }

    /**
     * Ends the campaign. A close whose revocations would remove too large a share of a group leaves it
     * AWAITING_CONFIRMATION; an admin then closes it again with {@code confirmLargeRemoval=true}.
     */
    @PostMapping("/api/v1/reviews/{id}/close")
    CampaignView close(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmLargeRemoval) {
        Caller caller = admin();
        return campaignViewer.view(closing.close(id, caller.personId() == null ? "token:" + caller.name()
                : ReviewAudit.person(caller.personId()), confirmLargeRemoval));
    }

    /**
     * Written straight to the response as the rows are read, in the request's thread: a campaign of a
     * million items is never held whole, and the caller's authentication covers the whole answer.
     */
    @GetMapping("/api/v1/reviews/{id}/evidence")
    void evidence(@PathVariable UUID id, @RequestParam(defaultValue = "json") String format, HttpServletResponse response)
            throws IOException {
        Caller caller = Callers.current();
        if (!caller.has(Scope.AUDIT) && !caller.has(Scope.ADMIN)) {
            throw new ForbiddenException("Evidence is for auditors and admins");
        }
        String wanted = format.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("csv") && !wanted.equals("json")) {
            throw new InvalidInputException("format", "must be csv or json, not '" + format + "'");
        }
        CampaignView campaign = campaignViewer.view(campaigns.get(id));
        response.setCharacterEncoding("UTF-8");
        if (wanted.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"review-" + id + ".csv\"");
            evidence.csv(campaign, response.getOutputStream());
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            evidence.json(campaign, response.getOutputStream());
        }
    }

    private static Caller admin() {
        Caller caller = Callers.current();
        if (!caller.has(Scope.ADMIN)) {
            throw new ForbiddenException("Running review campaigns needs a token with the 'admin' scope");
        }
        return caller;
    }

    private static Caller reader() {
        Caller caller = Callers.current();
        if (!caller.has(Scope.REVIEW) && !seesAll(caller)) {
            throw new ForbiddenException("Reviews need a token with the 'review', 'admin' or 'audit' scope");
        }
        return caller;
    }

    private static UUID reviewer() {
        Caller caller = Callers.current();
        if (!caller.has(Scope.REVIEW) && !caller.has(Scope.ADMIN)) {
            throw new ForbiddenException("Deciding needs a token with the 'review' scope");
        }
        if (caller.personId() == null) {
            throw new ForbiddenException("This token belongs to no person; review decisions are made by people. "
                    + "Create a token for yourself with POST /api/v1/tokens");
        }
        return caller.personId();
    }

    private static boolean seesAll(Caller caller) {
        return caller.has(Scope.ADMIN) || caller.has(Scope.AUDIT);
    }
}
