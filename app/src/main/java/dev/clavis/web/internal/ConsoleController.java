package dev.clavis.web.internal;

import dev.clavis.catalog.App;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.CatalogService;
import dev.clavis.grant.Grant;
import dev.clavis.grant.Grants;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.Channel;
import dev.clavis.request.DecideAccessRequest;
import dev.clavis.request.SubmitAccessRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The portal, "my access" and the approvals inbox; every action goes through the published interfaces. */
@Controller
class ConsoleController {

    private static final int INBOX_SIZE = 100;

    private final CatalogService catalog;
    private final AccessRequests requests;
    private final Grants grants;

    ConsoleController(CatalogService catalog, AccessRequests requests, Grants grants) {
        this.catalog = catalog;
        this.requests = requests;
        this.grants = grants;
    }

    @GetMapping("/portal")
    String portal(@RequestParam(defaultValue = "") String q, Authentication auth, Model model) {
        String query = q.strip().toLowerCase(Locale.ROOT);
        List<App> apps = catalog.current().apps().stream()
                .filter(app -> query.isEmpty() || app.id().contains(query) || app.name().toLowerCase(Locale.ROOT).contains(query))
                .toList();
        model.addAttribute("me", WebUser.of(auth));
        model.addAttribute("q", q);
        model.addAttribute("apps", apps);
        return "web/portal";
    }

    @GetMapping("/portal/apps/{appId}")
    String app(@PathVariable String appId, Authentication auth, Model model) {
        App app = catalog.current().app(appId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("me", WebUser.of(auth));
        model.addAttribute("app", app);
        model.addAttribute("paths", app.roles().stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.id(), r -> approvalPath(r.approval()))));
        return "web/app";
    }

    @PostMapping("/requests")
    String submit(@RequestParam String app, @RequestParam String role, @RequestParam String duration,
            @RequestParam(required = false) @Nullable String justification, Authentication auth) {
        WebUser me = WebUser.of(auth);
        AccessRequestView view = requests.submit(new SubmitAccessRequest(me.personId(), null, app, role, duration,
                justification == null || justification.isBlank() ? null : justification, Channel.PORTAL, me.admin()));
        return "redirect:/requests/" + view.id();
    }

    @GetMapping("/requests")
    String myRequests(Authentication auth, Model model) {
        WebUser me = WebUser.of(auth);
        model.addAttribute("me", me);
        model.addAttribute("requests", requests.of(me.personId(), INBOX_SIZE));
        return "web/requests";
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable UUID id, Authentication auth, Model model) {
        WebUser me = WebUser.of(auth);
        AccessRequestView view = visibleTo(me, id);
        model.addAttribute("me", me);
        model.addAttribute("request", view);
        model.addAttribute("canDecide", awaitsMe(view, me));
        return "web/request";
    }

    @GetMapping("/access")
    String myAccess(Authentication auth, Model model) {
        WebUser me = WebUser.of(auth);
        model.addAttribute("me", me);
        model.addAttribute("grants", grants.inEffectFor(me.personId()));
        return "web/access";
    }

    @PostMapping("/access/{grantId}/give-back")
    String giveBack(@PathVariable UUID grantId, Authentication auth) {
        WebUser me = WebUser.of(auth);
        Grant grant = grants.find(grantId).filter(g -> g.personId().equals(me.personId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        grants.revoke(grant.id(), "given back in the portal", me.email());
        return "redirect:/access";
    }

    @GetMapping("/inbox")
    String inbox(Authentication auth, Model model) {
        WebUser me = WebUser.of(auth);
        model.addAttribute("me", me);
        model.addAttribute("waiting", requests.awaitingDecisionOf(me.personId(), INBOX_SIZE));
        return "web/inbox";
    }

    @PostMapping("/inbox/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam String decision, @RequestParam(required = false) @Nullable String comment,
            Authentication auth) {
        WebUser me = WebUser.of(auth);
        visibleTo(me, id);
        var choice = "approve".equals(decision) ? DecideAccessRequest.Decision.APPROVE : DecideAccessRequest.Decision.DENY;
        requests.decide(new DecideAccessRequest(id, me.personId(), choice,
                comment == null || comment.isBlank() ? null : comment, Channel.PORTAL));
        return "redirect:/requests/" + id;
    }

    /** Another person's request answers 404, as if it did not exist: ids are not secrets, but contents are. */
    private AccessRequestView visibleTo(WebUser me, UUID id) {
        AccessRequestView view;
        try {
            view = requests.get(id);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean mine = view.requester().id().equals(me.personId()) || view.beneficiary().id().equals(me.personId());
        boolean approver = view.approvals().stream().flatMap(s -> s.approvers().stream()).anyMatch(p -> p.id().equals(me.personId()));
        if (!mine && !approver && !me.admin()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return view;
    }

    private static boolean awaitsMe(AccessRequestView view, WebUser me) {
        return view.approvals().stream()
                .filter(stage -> "WAITING".equals(stage.status()))
                .flatMap(stage -> stage.approvers().stream())
                .anyMatch(p -> p.id().equals(me.personId()));
    }

    private static List<String> approvalPath(Approval approval) {
        if (!(approval instanceof Approval.Stages stages)) {
            return List.of("approved automatically");
        }
        return stages.stages().stream()
                .map(stage -> stage.approvers().text() + " (" + stage.require().name().toLowerCase(Locale.ROOT) + ")")
                .toList();
    }
}
