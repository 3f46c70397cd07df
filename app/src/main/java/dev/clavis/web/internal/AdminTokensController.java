package dev.clavis.web.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.platform.ApiTokenAdmin;
import dev.clavis.platform.ApiTokenAdmin.TokenSummary;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.platform.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API tokens: the list never shows a secret; a new token's secret is on the answer to its creation
 * and nowhere else (not in the session, not in a redirect). Issuing and revoking go through the same
 * service as the API, so the audit trail records them the same way.
 */
@Controller
class AdminTokensController {

    static final int SHOWN = 200;
    static final List<Integer> LIFETIMES_IN_DAYS = List.of(30, 90, 365, 0);

    private final ApiTokenAdmin tokens;
    private final Directory directory;
    private final Clock clock;

    AdminTokensController(ApiTokenAdmin tokens, Directory directory, Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
    }

    /** A token as listed: its owner's email instead of their id, its scopes in a stable order. */
    record Row(TokenSummary token, String owner, String scopes, boolean usable) {}

    @ModelAttribute("me")
    WebUser me(Authentication auth) {
        return WebUser.of(auth);
    }

    @GetMapping("/admin/tokens")
    String page(Model model) {
        Map<UUID, String> owners = new HashMap<>();
        Instant now = clock.instant();
        List<Row> rows = tokens.newest(SHOWN).stream()
                .map(token -> new Row(token, token.personId() == null ? "nobody (bootstrap)"
                        : owners.computeIfAbsent(token.personId(), id -> directory.person(id).map(Person::email).orElse(id.toString())),
                        token.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(" ")), token.usable(now)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", tokens.count());
        model.addAttribute("shown", SHOWN);
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("lifetimes", LIFETIMES_IN_DAYS);
        return "web/admin-tokens";
    }

    @PostMapping("/admin/tokens")
    String create(@RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable List<String> scopes, @RequestParam(defaultValue = "90") int days,
            Authentication auth, Model model) {
        Optional<Person> owner = person.isBlank() ? Optional.empty() : directory.resolve(person);
        Set<Scope> chosen = EnumSet.noneOf(Scope.class);
        (scopes == null ? List.<String>of() : scopes).forEach(value -> Scope.parse(value).ifPresent(chosen::add));
        try {
            if (owner.isEmpty()) {
                throw new InvalidInputException("person", person.isBlank() ? "name the person the token acts as, by email"
                        : "there is no person '" + person + "' in the directory");
            }
            if (!LIFETIMES_IN_DAYS.contains(days)) {
                throw new InvalidInputException("days", "choose one of the offered lifetimes");
            }
            Instant expiresAt = days == 0 ? null : clock.instant().plus(Duration.ofDays(days));
            String tokenName = name.isBlank() ? owner.get().email() : name.strip();
            var issued = tokens.issue(owner.get().id(), tokenName, chosen, expiresAt, WebUser.of(auth).email());
            model.addAttribute("issued", issued);
            model.addAttribute("issuedName", tokenName);
        } catch (InvalidInputException invalid) {
            model.addAttribute("problem", invalid.getMessage());
            model.addAttribute("person", person);
            model.addAttribute("name", name);
        }
        return page(model);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
        try {
            tokens.revoke(id, WebUser.of(auth).email());
            redirect.addFlashAttribute("message", "The token was revoked: calls with it are refused from now on.");
        } catch (NotFoundException | ConflictException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/admin/tokens";
    }
}
