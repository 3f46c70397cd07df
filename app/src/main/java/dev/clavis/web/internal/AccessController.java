package dev.clavis.web.internal;

import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.grant.Grant;
import dev.clavis.grant.Grants;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.request.AccessRequestView;
import dev.clavis.request.AccessRequests;
import dev.clavis.request.Channel;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "My access": the grants in effect with their expiry counting down, asking for more time (a new request
 * through the role's policy, as the API's extend is) and giving access back after a confirmation.
 */
@Controller
class AccessController {

    private final Grants grants;
    private final AccessRequests requests;
    private final CatalogService catalog;
    private final Clock clock;

    AccessController(Grants grants, AccessRequests requests, CatalogService catalog, Clock clock) {
        this.grants = grants;
        this.requests = requests;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * A grant as "My access" shows it.
     *
     * @param expiresIso the expiry for {@code countdown.js}; null for permanent access or a grant not active yet
     * @param extensions durations the role allows an extension of; empty when it cannot be extended
     * @param refusal why asking to extend this grant was just refused
     */
    record Line(UUID id, String what, String risk, String status, String granted, @Nullable String expires,
            @Nullable String expiresIso, @Nullable String countdown, List<RoleCard.Choice> extensions,
            boolean justificationRequired, @Nullable Refusal refusal) {}

    @GetMapping("/access")
    String myAccess(Authentication auth, Model model) {
        return page(WebUser.of(auth), null, null, model);
    }

    /** Asks for more time: the request module makes a new request through the role's policy; its page shows where it went. */
    @PostMapping("/access/{grantId}/extend")
    String extend(@PathVariable UUID grantId, @RequestParam(defaultValue = "") String duration,
            @RequestParam(defaultValue = "") String justification, Authentication auth, Model model, HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        mine(grantId, me);
        try {
            AccessRequestView asked = requests.extend(grantId, me.personId(), duration, justification, Channel.PORTAL, me.admin());
            return "redirect:/requests/" + asked.id();
        } catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            return page(me, grantId, refusal, model);
        }
    }

    /** Giving access back cannot be undone (asking again may need approvals again), so it is confirmed on a page of its own. */
    @GetMapping("/access/{grantId}/give-back")
    String confirmGiveBack(@PathVariable UUID grantId, Authentication auth, Model model) {
        WebUser me = WebUser.of(auth);
        Grant grant = mine(grantId, me);
        model.addAttribute("me", me);
        model.addAttribute("grant", line(grant, catalog.current(), clock.instant(), null));
        return "web/give-back";
    }

    @PostMapping("/access/{grantId}/give-back")
    String giveBack(@PathVariable UUID grantId, Authentication auth, Model model, HttpServletResponse response) {
        WebUser me = WebUser.of(auth);
        Grant grant = mine(grantId, me);
        try {
            grants.revoke(grant.id(), "given back in the portal", me.email());
            return "redirect:/access";
        } catch (ConflictException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            return page(me, grantId, refusal, model);
        }
    }

    private String page(WebUser me, @Nullable UUID refusedGrant, @Nullable Refusal refusal, Model model) {
        Catalog current = catalog.current();
        Instant now = clock.instant();
        List<Line> lines = grants.inEffectFor(me.personId()).stream()
                .map(g -> line(g, current, now, g.id().equals(refusedGrant) ? refusal : null))
                .toList();
        model.addAttribute("me", me);
        model.addAttribute("grants", lines);
        // a grant no longer in effect (given back twice) has no row to show its refusal at
        model.addAttribute("refusal", lines.stream().anyMatch(l -> l.refusal() != null) ? null : refusal);
        return "web/access";
    }

    private static Line line(Grant grant, Catalog current, Instant now, @Nullable Refusal refusal) {
        Optional<Role> role = current.role(grant.role());
        String what = CatalogNames.of(current, grant.role().appId(), grant.role().roleId());
        List<RoleCard.Choice> extensions = grant.expiresAt() == null ? List.of() : role.map(r -> r.durations().stream()
                .filter(d -> !d.isPermanent()).map(d -> new RoleCard.Choice(d.toString(), d.spoken(), false)).toList()).orElse(List.of());
        Instant expires = grant.expiresAt();
        return new Line(grant.id(), what, grant.risk(), grant.status().name(),
                grant.grantedAt() == null ? "being added in the directory" : TimeText.absolute(grant.grantedAt()),
                expires == null ? null : TimeText.absolute(expires), expires == null ? null : expires.toString(),
                expires == null ? null : TimeText.countdown(expires, now), extensions,
                role.map(Role::requiresJustification).orElse(false), refusal);
    }

    /** Someone else's grant answers 404, as if it did not exist. */
    private Grant mine(UUID grantId, WebUser me) {
        return grants.find(grantId).filter(g -> g.personId().equals(me.personId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
