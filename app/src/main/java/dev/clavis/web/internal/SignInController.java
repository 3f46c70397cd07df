package dev.clavis.web.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.directory.PersonStatus;
import dev.clavis.platform.DemoMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Demo sign-in: on the embedded default, anyone may act as one of the demo people. */
@Controller
class SignInController {

    private final Directory directory;
    private final DemoMode demo;
    private final WebSettings settings;
    private final HttpSessionSecurityContextRepository contexts;

    SignInController(Directory directory, DemoMode demo, WebSettings settings, HttpSessionSecurityContextRepository contexts) {
        this.directory = directory;
        this.demo = demo;
        this.settings = settings;
        this.contexts = contexts;
    }

    @GetMapping("/signin")
    String signInPage(Model model) {
        List<Person> people = demo.enabled()
                ? settings.demoPeople().stream().map(directory::personByEmail).flatMap(Optional::stream).toList()
                : List.of();
        model.addAttribute("demo", demo.enabled());
        model.addAttribute("people", people);
        return "web/signin";
    }

    @PostMapping("/signin/demo")
    String signInAsDemoPerson(@RequestParam String email, HttpServletRequest request, HttpServletResponse response) {
        if (!demo.enabled() || settings.demoPeople().stream().noneMatch(email::equalsIgnoreCase)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Demo sign-in is not available for this person.");
        }
        Person person = directory.personByEmail(email)
                .filter(p -> p.status() == PersonStatus.ACTIVE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "No active person with this email."));
        var groups = directory.groupNamesOf(person.id());
        boolean admin = groups.contains(settings.adminGroup());
        boolean auditor = groups.contains(settings.auditorGroup());
        var user = new WebUser(person.id(), person.email(), person.displayName(), admin, auditor);
        var authorities = new ArrayList<SimpleGrantedAuthority>();
        if (admin) {
            authorities.add(new SimpleGrantedAuthority(WebUser.ADMIN));
        }
        if (auditor) {
            authorities.add(new SimpleGrantedAuthority(WebUser.AUDITOR));
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
        contexts.saveContext(context, request, response);
        return "redirect:/portal";
    }
}
