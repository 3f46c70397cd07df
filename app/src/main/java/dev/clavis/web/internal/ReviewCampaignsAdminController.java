package dev.clavis.web.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.review.ReviewViews.CampaignSummary;
import dev.clavis.review.ReviewViews.CampaignView;
import dev.clavis.review.ReviewViews.ItemRow;
import dev.clavis.review.Reviews;
import dev.clavis.review.Reviews.ItemQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Running review campaigns: create (the API's fields), start, watch each reviewer's progress, reassign
 * an item, close, and download the evidence. The security chain lets only admins reach {@code /admin/**}.
 */
@Controller
class ReviewCampaignsAdminController {

    static final int CAMPAIGNS_PAGE = 50;
    static final int ITEMS_PAGE = 100;

    private final Reviews reviews;
    private final Directory directory;
    private final Clock clock;

    ReviewCampaignsAdminController(Reviews reviews, Directory directory, Clock clock) {
        this.reviews = reviews;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The create form as posted. Lists are comma-separated; {@code reviewerRule} {@code user} takes
     * {@code reviewerEmail}; a deadline without a zone (as a date-time field sends it) is UTC.
     */
    record CampaignForm(@Nullable String name, @Nullable String apps, @Nullable String roles, @Nullable String groups,
            @Nullable String departments, @Nullable String reviewerRule, @Nullable String reviewerEmail, @Nullable String deadline,
            @Nullable String onNoDecision, boolean start) {

        static CampaignForm blank() {
            return new CampaignForm("", "", "", "", "", "manager", "", "", "keep", true);
        }

        Reviews.Definition definition() {
            String reviewers = "user".equals(reviewerRule) ? "user:" + (reviewerEmail == null ? "" : reviewerEmail.strip()) : reviewerRule;
            return new Reviews.Definition(name, new Reviews.ScopeInput(list(apps), list(roles), list(groups), list(departments)),
                    reviewers, instant(deadline), onNoDecision);
        }

        private static List<String> list(@Nullable String text) {
            return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private static @Nullable String instant(@Nullable String text) {
            if (text == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException e) {
                return text;
            }
        }
    }

    /** A reviewer's share of a campaign; overdue when the deadline has passed with items still undecided. */
    record ReviewerProgress(@Nullable String reviewer, @Nullable String email, long decided, long total, boolean overdue) {}

    @GetMapping("/admin/reviews")
    String campaigns(@RequestParam(required = false) @Nullable Instant before, @RequestParam(required = false) @Nullable UUID beforeId,
            Authentication auth, Model model) {
        List<CampaignSummary> page = reviews.campaigns(before, beforeId, CAMPAIGNS_PAGE + 1);
        model.addAttribute("me", WebUser.of(auth));
        model.addAttribute("campaigns", page.subList(0, Math.min(page.size(), CAMPAIGNS_PAGE)));
        model.addAttribute("older", page.size() > CAMPAIGNS_PAGE ? page.get(CAMPAIGNS_PAGE - 1) : null);
        return "web/reviews-admin";
    }

    @GetMapping("/admin/reviews/new")
    String form(Authentication auth, Model model) {
        return form(model, WebUser.of(auth), CampaignForm.blank(), null);
    }

    /** Creates (and by default starts) the campaign; a bad field is shown on the form, and nothing is created. */
    @PostMapping("/admin/reviews")
    String create(@ModelAttribute CampaignForm form, Authentication auth, Model model, HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        var created = ReviewRefusal.attempt(() -> reviews.create(form.definition(), form.start(), me.email(), me.personId()));
        if (created.refused()) {
            response.setStatus(created.refusal().status().value());
            return form(model, me, form, created.refusal());
        }
        return "redirect:/admin/reviews/" + created.value().id();
    }

    @GetMapping("/admin/reviews/{id}")
    String campaign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reviewer,
            @RequestParam(required = false) @Nullable String show, @RequestParam(defaultValue = "0") long after,
            Authentication auth, Model model, HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        model.addAttribute("me", me);
        var found = ReviewRefusal.attempt(() -> reviews.campaign(id));
        if (found.refused()) {
            response.setStatus(found.refusal().status().value());
            model.addAttribute("refusal", found.refusal());
            return "web/reviews-error";
        }
        CampaignView campaign = found.value();
        boolean late = clock.instant().isAfter(campaign.deadline()) && !campaign.status().equals("CLOSED");
        model.addAttribute("campaign", campaign);
        model.addAttribute("progress", campaign.progress().stream()
                .map(p -> new ReviewerProgress(p.reviewer() == null ? null : p.reviewer().displayName(),
                        p.reviewer() == null ? null : p.reviewer().email(), p.decided(), p.total(), late && p.decided() < p.total()))
                .toList());
        String who = reviewer == null ? "" : reviewer.strip();
        boolean undecided = "undecided".equals(show);
        Optional<Person> named = who.isEmpty() || who.equals("unassigned") ? Optional.empty() : directory.resolve(who);
        List<ItemRow> rows;
        if (!who.isEmpty() && !who.equals("unassigned") && named.isEmpty()) {
            model.addAttribute("itemsRefusal", "No person '" + who + "' in the directory");
            rows = List.of();
        } else {
            rows = reviews.items(new ItemQuery(id, named.map(Person::id).orElse(null), who.equals("unassigned"), undecided, null,
                    after, ITEMS_PAGE + 1));
        }
        model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), ITEMS_PAGE)));
        model.addAttribute("reviewer", who);
        model.addAttribute("show", undecided ? "undecided" : "");
        model.addAttribute("next", rows.size() > ITEMS_PAGE
                ? itemsQuery(who, undecided, rows.get(ITEMS_PAGE - 1).id()) : null);
        return "web/reviews-admin-campaign";
    }

    @PostMapping("/admin/reviews/{id}/start")
    String start(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
        WebUser me = WebUser.of(auth);
        return back(id, ReviewRefusal.attempt(() -> reviews.start(id, me.personId())).refusal(), "Started.", redirect);
    }

    /** Closes the campaign; {@code confirmLargeRemoval} is the admin's confirmation when the mass-removal guard stopped it. */
    @PostMapping("/admin/reviews/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmLargeRemoval, Authentication auth,
            RedirectAttributes redirect) {
        WebUser me = WebUser.of(auth);
        var closed = ReviewRefusal.attempt(() -> reviews.close(id, me.personId(), confirmLargeRemoval));
        String done = !closed.refused() && closed.value().status().equals("AWAITING_CONFIRMATION")
                ? "Not closed yet: " + closed.value().largeRemoval() + ". Confirm below to remove them."
                : "Closed; revocations are on their way to the directory.";
        return back(id, closed.refusal(), done, redirect);
    }

    @PostMapping("/admin/reviews/{id}/items/{item:\\d+}/reassign")
    String reassign(@PathVariable UUID id, @PathVariable long item, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String reason, Authentication auth, RedirectAttributes redirect) {
        WebUser me = WebUser.of(auth);
        var reassigned = ReviewRefusal.attempt(() -> {
            reviews.reassign(id, item, to, reason, me.personId(), true);
            return item;
        });
        return back(id, reassigned.refusal(), "Item " + item + " reassigned to " + to + ".", redirect);
    }

    /** The same evidence as {@code GET /api/v1/reviews/{id}/evidence}, streamed as it is read. */
    @GetMapping("/admin/reviews/{id}/evidence.{format:csv|json}")
    void evidence(@PathVariable UUID id, @PathVariable String format, HttpServletResponse response) throws IOException {
        reviews.campaign(id);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"review-" + id + "." + format + "\"");
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            reviews.evidenceCsv(id, response.getOutputStream());
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            reviews.evidenceJson(id, response.getOutputStream());
        }
    }

    private String form(Model model, WebUser me, CampaignForm form, @Nullable ReviewRefusal refusal) {
        model.addAttribute("me", me);
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("errors", refusal == null ? Map.of() : refusal.fields());
        return "web/reviews-admin-new";
    }

    private static String back(UUID id, @Nullable ReviewRefusal refusal, String done, RedirectAttributes redirect) {
        if (refusal != null) {
            redirect.addFlashAttribute("refusal", refusal);
        } else {
            redirect.addFlashAttribute("done", done);
        }
        return "redirect:/admin/reviews/" + id;
    }

    private static String itemsQuery(String reviewer, boolean undecided, long after) {
        var uri = UriComponentsBuilder.newInstance();
        if (!reviewer.isEmpty()) {
            uri.queryParam("reviewer", reviewer);
        }
        if (undecided) {
            uri.queryParam("show", "undecided");
        }
        return uri.queryParam("after", after).build().encode().toUriString();
    }
}
