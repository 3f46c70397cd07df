package dev.clavis.web.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "My requests", one request's page with its stages and timeline, and cancelling a request still waiting. */
@Controller
class RequestsController {

    /** The newest requests shown; older ones stay readable by their link and through the API. */
    static final int MY_REQUESTS = 50;

    private final AccessRequests requests;
    private final RequestPage page;
    private final CatalogService catalog;
    private final Clock clock;

    RequestsController(AccessRequests requests, RequestPage page, CatalogService catalog, Clock clock) {
        this.requests = requests;
        this.page = page;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A request as a list shows it. */
    record Line(UUID id, String what, String status, String duration, String asked, String askedAt, boolean forSomeoneElse,
            String beneficiary) {}

    @GetMapping("/requests")
    String myRequests(Authentication auth, Model model) {
        WebUser me = WebUser.of(auth);
        var now = clock.instant();
        Catalog current = catalog.current();
        List<Line> lines = requests.of(me.personId(), MY_REQUESTS).stream()
                .map(r -> new Line(r.id(), CatalogNames.of(current, r.app(), r.role()), r.status(),
                        AccessDuration.describe(r.duration()),
                        TimeText.ago(r.createdAt(), now), TimeText.absolute(r.createdAt()),
                        !r.beneficiary().id().equals(me.personId()), r.beneficiary().displayName()))
                .toList();
        model.addAttribute("me", me);
        model.addAttribute("requests", lines);
        model.addAttribute("limit", MY_REQUESTS);
        return "web/requests";
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable UUID id, Authentication auth, Model model) {
        return page.render(Visibility.visibleTo(requests, WebUser.of(auth), id), WebUser.of(auth), null, model);
    }

    /** By the requester, while it waits for approval; the request module refuses anything else and says why. */
    @PostMapping("/requests/{id}/cancel")
    String cancel(@PathVariable UUID id, Authentication auth, Model model, HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        AccessRequestView view = Visibility.visibleTo(requests, me, id);
        try {
            requests.cancel(id, me.personId());
            return "redirect:/requests/" + id;
        } catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            return page.render(view, me, refusal, model);
        }
    }
}
