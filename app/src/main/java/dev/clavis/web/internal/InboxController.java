package dev.clavis.web.internal;

import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Risk;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.Channel;
import dev.clavis.request.DecideAccessRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The approvals inbox: requests whose current stage waits for me, decided one by one inline (htmx swaps
 * the item for its outcome; without JavaScript the form posts and the request's page shows the outcome),
 * or low-risk ones in bulk. Every decision is {@link AccessRequests#decide}'s, which refuses a person's own request.
 */
@Controller
class InboxController {

    /** Items shown at once; deciding them brings the next ones. */
    static final int INBOX_SIZE = 30;

    private final AccessRequests requests;
    private final InboxItems items;
    private final RequestPage requestPage;
    private final CatalogService catalog;

    InboxController(AccessRequests requests, InboxItems items, RequestPage requestPage, CatalogService catalog) {
        this.requests = requests;
        this.items = items;
        this.requestPage = requestPage;
        this.catalog = catalog;
    }

    /**
     * What became of a decision on one request.
     *
     * @param outcome the request's status after it, or the refusal's message
     */
    record Outcome(UUID id, String what, boolean decided, String outcome) {}

    @GetMapping("/inbox")
    String inbox(Authentication auth, Model model) {
        return page(WebUser.of(auth), List.of(), model);
    }

    @PostMapping("/inbox/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx, Authentication auth, Model model,
            HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        AccessRequestView view = Visibility.visibleTo(requests, me, id);
        var choice = "approve".equals(decision) ? DecideAccessRequest.Decision.APPROVE : DecideAccessRequest.Decision.DENY;
        try {
            AccessRequestView decided = requests.decide(new DecideAccessRequest(id, me.personId(), choice,
                    comment.isBlank() ? null : comment, Channel.PORTAL));
            if (!htmx) {
                return "redirect:/requests/" + id;
            }
            String done = choice == DecideAccessRequest.Decision.APPROVE ? "You approved it; it is now " : "You denied it; it is now ";
            model.addAttribute("outcome", new Outcome(id, what(view), true, done + decided.status()));
        } catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
            Refusal refusal = Refusal.of(refused);
            if (!htmx) {
                response.setStatus(refusal.status().value());
                return requestPage.render(view, me, refusal, model);
            }
            model.addAttribute("outcome", new Outcome(id, what(view), false, refusal.message()));
        }
        return "web/inbox :: outcome";
    }

    /**
     * Approves the ticked requests one by one, each through {@link AccessRequests#decide} in its own
     * transaction; a request whose role is not low risk is refused here and left waiting.
     */
    @PostMapping("/inbox/approve-low-risk")
    String approveLowRisk(@RequestParam(name = "ids", required = false) @Nullable List<UUID> ids,
            @RequestParam(defaultValue = "") String comment, Authentication auth, Model model) {
        WebUser me = WebUser.of(auth);
        List<Outcome> outcomes = (ids == null ? List.<UUID>of() : ids).stream().distinct()
                .map(id -> approveIfLowRisk(id, me, comment))
                .toList();
        return page(me, outcomes, model);
    }

    private Outcome approveIfLowRisk(UUID id, WebUser me, String comment) {
        AccessRequestView view;
        try {
            view = requests.get(id);
        } catch (NotFoundException missing) {
            return new Outcome(id, id.toString(), false, "There is no such request");
        }
        Catalog current = catalog.current();
        String what = CatalogNames.of(current, view.app(), view.role());
        var risk = current.role(view.app(), view.role()).map(r -> r.risk());
        if (risk.isEmpty() || risk.get() != Risk.LOW) {
            return new Outcome(id, what, false, "Not approved: the role is " + risk.map(Risk::value).orElse("no longer in the catalog")
                    + ", and only low-risk requests are approved in bulk; decide it on its own");
        }
        try {
            AccessRequestView decided = requests.decide(new DecideAccessRequest(id, me.personId(), DecideAccessRequest.Decision.APPROVE,
                    comment.isBlank() ? null : comment, Channel.PORTAL));
            return new Outcome(id, what, true, "Approved; it is now " + decided.status());
        } catch (InvalidInputException | ConflictException | ForbiddenException refused) {
            return new Outcome(id, what, false, refused.getMessage());
        }
    }

    private String what(AccessRequestView view) {
        return CatalogNames.of(catalog.current(), view.app(), view.role());
    }

    private String page(WebUser me, List<Outcome> outcomes, Model model) {
        List<InboxItem> waiting = items.of(requests.awaitingDecisionOf(me.personId(), INBOX_SIZE));
        model.addAttribute("me", me);
        model.addAttribute("waiting", waiting);
        model.addAttribute("anyLowRisk", waiting.stream().anyMatch(InboxItem::lowRisk));
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("limit", INBOX_SIZE);
        return "web/inbox";
    }
}
