package dev.clavis.web.internal;

import dev.clavis.review.ReviewViews.ItemRow;
import dev.clavis.review.ReviewViews.ItemView;
import dev.clavis.review.ReviewViews.ReviewerCampaign;
import dev.clavis.review.Reviews;
import dev.clavis.review.Reviews.ItemQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "My reviews": the signed-in person's items in open campaigns, decided one at a time (a row updated in
 * place with htmx, or a plain form post without JavaScript) or many at once. Every decision goes through
 * {@link Reviews#decide}, so the domain refuses what the API refuses.
 */
@Controller
class ReviewsController {

    /** Items per campaign shown at once; the next page starts after the last one shown. */
    static final int PAGE = 50;

    private final Reviews reviews;

    ReviewsController(Reviews reviews) {
        this.reviews = reviews;
    }

    /**
     * What the reviewer narrowed the list to: {@code show} is {@code undecided} or all; {@code suggestion} keep, revoke or
     * any. Its methods are public for the templates' expressions to call.
     */
    record Filter(@Nullable String show, @Nullable String suggestion) {

        public boolean undecidedOnly() {
            return "undecided".equals(show);
        }

        public @Nullable String suggested() {
            return "keep".equals(suggestion) || "revoke".equals(suggestion) ? suggestion : null;
        }

        public String query(long after) {
            var uri = UriComponentsBuilder.newInstance();
            if (undecidedOnly()) {
                uri.queryParam("show", "undecided");
            }
            if (suggested() != null) {
                uri.queryParam("suggestion", suggested());
            }
            if (after > 0) {
                uri.queryParam("after", after);
            }
            return uri.build().encode().toUriString();
        }
    }

    /** One campaign's part of the page. @param next the id to continue after, null on the last page */
    record Section(ReviewerCampaign campaign, List<ItemRow> rows, @Nullable Long next) {}

    /**
     * What a bulk decision did to each selected item: all decided, or none (the domain's all-or-nothing).
     *
     * @param decision keep or revoke, once decided
     * @param reason why none was decided
     */
    record BulkResult(boolean decided, @Nullable String decision, List<Long> items, @Nullable String reason) {

        BulkResult(boolean decided, List<Long> items, String reason) {
            this(decided, null, items, reason);
        }
    }

    @GetMapping("/reviews")
    String mine(@RequestParam(required = false) @Nullable String show, @RequestParam(required = false) @Nullable String suggestion,
            Authentication auth, Model model) {
        WebUser me = WebUser.of(auth);
        var filter = new Filter(show, suggestion);
        var sections = new ArrayList<Section>();
        for (ReviewerCampaign campaign : reviews.openCampaignsOf(me.personId())) {
            sections.add(section(campaign, me, filter, 0));
        }
        return page(model, me, filter, sections, null);
    }

    @GetMapping("/reviews/{campaign}")
    String campaign(@PathVariable UUID campaign, @RequestParam(required = false) @Nullable String show,
            @RequestParam(required = false) @Nullable String suggestion, @RequestParam(defaultValue = "0") long after,
            Authentication auth, Model model, HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        var filter = new Filter(show, suggestion);
        List<Section> sections = openCampaign(me, campaign).map(c -> List.of(section(c, me, filter, after))).orElse(List.of());
        if (sections.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return page(model, me, filter, sections, null);
    }

    @GetMapping("/reviews/{campaign}/items/{item:\\d+}")
    String item(@PathVariable UUID campaign, @PathVariable long item, Authentication auth, Model model,
            HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        model.addAttribute("me", me);
        var found = ReviewRefusal.attempt(() -> reviews.item(campaign, item, me.personId(), me.admin() || me.auditor()));
        if (found.refused()) {
            response.setStatus(found.refusal().status().value());
            model.addAttribute("refusal", found.refusal());
            return "web/reviews-error";
        }
        ItemView view = found.value();
        model.addAttribute("campaignId", campaign);
        model.addAttribute("item", view);
        model.addAttribute("open", openCampaign(me, campaign).isPresent());
        model.addAttribute("mine", view.reviewer() != null && view.reviewer().id().equals(me.personId()));
        return "web/reviews-item";
    }

    /**
     * Keep or revoke one item. Under htmx the answer is the item's row, refusal included (htmx swaps only
     * 2xx answers, so the row carries the refusal rather than the status); a plain post goes back to the list.
     */
    @PostMapping("/reviews/{campaign}/items/{item:\\d+}/decision")
    String decide(@PathVariable UUID campaign, @PathVariable long item, @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String comment, @RequestParam(required = false) @Nullable String show,
            @RequestParam(required = false) @Nullable String suggestion,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Authentication auth, Model model, HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        var filter = new Filter(show, suggestion);
        ReviewRefusal refusal = ReviewRefusal.attempt(() -> reviews.decide(campaign, List.of(item), decision, comment, me.personId()))
                .refusal();
        if (htmx != null) {
            model.addAttribute("row", row(campaign, item, me));
            model.addAttribute("filter", filter);
            model.addAttribute("rowRefusal", refusal);
            return "web/reviews-row :: row";
        }
        if (refusal == null) {
            return "redirect:/reviews/" + campaign + filter.query(0) + "#item-" + item;
        }
        response.setStatus(refusal.status().value());
        return refused(campaign, me, filter, refusal, model);
    }

    /**
     * The reviewer's selected items, decided the same way in one call: all of them, or none. A campaign in
     * which the reviewer has no items open answers 404, as if it did not exist.
     */
    @PostMapping("/reviews/{campaign}/decisions")
    String decideMany(@PathVariable UUID campaign, @RequestParam(name = "items", required = false) @Nullable List<Long> items,
            @RequestParam(required = false) @Nullable String decision, @RequestParam(required = false) @Nullable String comment,
            @RequestParam(required = false) @Nullable String show, @RequestParam(required = false) @Nullable String suggestion,
            Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        WebUser me = WebUser.of(auth);
        if (openCampaign(me, campaign).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("me", me);
            model.addAttribute("refusal", new ReviewRefusal(HttpStatus.NOT_FOUND,
                    "You have no items to review in campaign " + campaign + ", or it is no longer open for decisions", Map.of()));
            return "web/reviews-error";
        }
        var filter = new Filter(show, suggestion);
        List<Long> selected = items == null ? List.of() : items;
        ReviewRefusal refusal = ReviewRefusal.attempt(() -> reviews.decide(campaign, selected, decision, comment, me.personId()))
                .refusal();
        if (refusal == null) {
            redirect.addFlashAttribute("bulk", new BulkResult(true, String.valueOf(decision).toLowerCase(Locale.ROOT), selected, null));
            return "redirect:/reviews/" + campaign + filter.query(0);
        }
        response.setStatus(refusal.status().value());
        model.addAttribute("bulk", new BulkResult(false, selected, refusal.message()));
        return refused(campaign, me, filter, null, model);
    }

    private String refused(UUID campaign, WebUser me, Filter filter, @Nullable ReviewRefusal refusal, Model model) {
        List<Section> sections = openCampaign(me, campaign).map(c -> List.of(section(c, me, filter, 0))).orElse(List.of());
        return page(model, me, filter, sections, refusal);
    }

    private String page(Model model, WebUser me, Filter filter, List<Section> sections, @Nullable ReviewRefusal refusal) {
        model.addAttribute("me", me);
        model.addAttribute("filter", filter);
        model.addAttribute("sections", sections);
        model.addAttribute("refusal", refusal);
        return "web/reviews";
    }

    private Optional<ReviewerCampaign> openCampaign(WebUser me, UUID campaign) {
        return reviews.openCampaignsOf(me.personId()).stream().filter(c -> c.id().equals(campaign)).findFirst();
    }

    private Section section(ReviewerCampaign campaign, WebUser me, Filter filter, long after) {
        List<ItemRow> rows = reviews.items(new ItemQuery(campaign.id(), me.personId(), false, filter.undecidedOnly(),
                filter.suggested(), after, PAGE + 1));
        if (rows.size() <= PAGE) {
            return new Section(campaign, rows, null);
        }
        List<ItemRow> shown = rows.subList(0, PAGE);
        return new Section(campaign, shown, shown.get(PAGE - 1).id());
    }

    /** The item's row as its reviewer sees it now; null when it is no longer theirs (reassigned meanwhile). */
    private @Nullable ItemRow row(UUID campaign, long item, WebUser me) {
        return reviews.items(new ItemQuery(campaign, me.personId(), false, false, null, item - 1, 1)).stream()
                .filter(row -> row.id() == item).findFirst().orElse(null);
    }
}
