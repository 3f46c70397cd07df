package dev.clavis.web.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.Channel;
import dev.clavis.request.SubmitAccessRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
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

/**
 * The catalog, an app's page with a request form per role, and the approval path each form would take,
 * as the request module previews it for the signed-in person.
 */
@Controller
class PortalController {

    private final CatalogService catalog;
    private final AccessRequests requests;

    PortalController(CatalogService catalog, AccessRequests requests) {
        this.catalog = catalog;
        this.requests = requests;
    }

    /** Searches app names, ids and descriptions, and the names, ids and descriptions of their roles. */
    @GetMapping("/portal")
    String portal(@RequestParam(defaultValue = "") String q, Authentication auth, Model model) {
        String query = q.strip().toLowerCase(Locale.ROOT);
        List<App> apps = catalog.current().apps().stream().filter(app -> query.isEmpty() || matches(app, query)).toList();
        model.addAttribute("me", WebUser.of(auth));
        model.addAttribute("q", q);
        model.addAttribute("apps", apps);
        return "web/portal";
    }

    @GetMapping("/portal/apps/{appId}")
    String app(@PathVariable String appId, Authentication auth, Model model) {
        return appPage(app(appId), WebUser.of(auth), null, model);
    }

    /** The approval path for one duration: the fragment a role's form refreshes when its duration changes. */
    @GetMapping("/portal/apps/{appId}/roles/{roleId}/path")
    String path(@PathVariable String appId, @PathVariable String roleId, @RequestParam String duration, Authentication auth,
            Model model) {
        App app = app(appId);
        Role role = app.role(roleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("path", path(WebUser.of(auth), role, duration));
        return "web/approval-path :: path";
    }

    /**
     * Asks for a role for myself. A refusal (a missing justification, a duration the role does not allow, a
     * second open request) shows the app's page again with the message at the role's form; nothing was made.
     */
    @PostMapping("/requests")
    String submit(@RequestParam String app, @RequestParam String role, @RequestParam(defaultValue = "") String duration,
            @RequestParam(defaultValue = "") String justification, Authentication auth, Model model,
            HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        try {
            AccessRequestView view = requests.submit(new SubmitAccessRequest(me.personId(), null, app, role, duration,
                    justification, Channel.PORTAL, me.admin()));
            return "redirect:/requests/" + view.id();
        } catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            return appPage(app(app), me, new Failed(role, duration, justification, refusal), model);
        }
    }

    /** The form a refused submission came from, filled in as it was, with the refusal. */
    private record Failed(String role, String duration, String justification, Refusal refusal) {}

    private String appPage(App app, WebUser me, @Nullable Failed failed, Model model) {
        List<RoleCard> roles = app.roles().stream().map(role -> {
            boolean refusedHere = failed != null && failed.role().equals(role.id());
            AccessDuration chosen = refusedHere ? AccessDuration.parse(failed.duration()).filter(role::allows)
                    .orElse(role.durations().get(0)) : role.durations().get(0);
            return RoleCard.of(app, role, chosen, path(me, role, chosen.toString()),
                    refusedHere ? failed.justification() : "", refusedHere ? failed.refusal() : null);
        }).toList();
        model.addAttribute("me", me);
        model.addAttribute("app", app);
        model.addAttribute("roles", roles);
        model.addAttribute("unknownRole", failed != null && app.role(failed.role()).isEmpty() ? failed.refusal() : null);
        return "web/app";
    }

    private ApprovalPath path(WebUser me, Role role, String duration) {
        String spoken = AccessDuration.describe(duration);
        try {
            var preview = requests.preview(new SubmitAccessRequest(me.personId(), null, role.appId(), role.id(), duration, null,
                    Channel.PORTAL, me.admin()));
            return ApprovalPath.of(AccessDuration.parse(duration).orElseThrow(), preview);
        } catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
            return ApprovalPath.refused(spoken, Refusal.of(refused));
        }
    }

    private App app(String appId) {
        return catalog.current().app(appId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static boolean matches(App app, String query) {
        Stream<String> texts = Stream.concat(Stream.of(app.id(), app.name(), app.description()),
                app.roles().stream().flatMap(r -> Stream.of(r.id(), r.name(), r.description())));
        return texts.anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(query));
    }
}
