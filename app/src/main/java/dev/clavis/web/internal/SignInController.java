package dev.clavis.web.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.platform.DemoMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sign-in page: "Sign in with" the company's OpenID Connect provider when one is set up, and on the
 * embedded default the demo people anyone may act as. A refused sign-in comes back here with its reason.
 */
@Controller
class SignInController {

    private final Directory directory;
    private final DemoMode demo;
    private final WebSettings settings;
    private final WebSignIn signIn;
    private final OidcProvider provider;

    SignInController(Directory directory, DemoMode demo, WebSettings settings, WebSignIn signIn, OidcProvider provider) {
        this.directory = directory;
        this.demo = demo;
        this.settings = settings;
        this.signIn = signIn;
        this.provider = provider;
    }

    @GetMapping("/signin")
    String signInPage(@RequestParam(required = false) @Nullable String refused, Model model, HttpServletResponse response) {
        List<Person> people = demo.enabled()
                ? settings.demoPeople().stream().map(directory::personByEmail).flatMap(Optional::stream).toList()
                : List.of();
        Optional<SignInRefusal> refusal = refused == null ? Optional.empty() : SignInRefusal.ofCode(refused);
        refusal.ifPresent(reason -> response.setStatus(reason == SignInRefusal.UNAVAILABLE
                ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.FORBIDDEN.value()));
        model.addAttribute("refusal", refusal.map(SignInRefusal::message).orElse(null));
        model.addAttribute("oidc", provider.enabled() ? provider.displayName() : null);
        model.addAttribute("demo", demo.enabled());
        model.addAttribute("people", people);
        return "web/signin";
    }

    /** Sends the browser on to the provider, once its settings could be read. */
    @GetMapping("/signin/oidc")
    String signInWithProvider() {
        if (!provider.enabled()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return provider.answers()
                ? "redirect:" + OidcProvider.AUTHORIZATION_BASE + "/" + OidcProvider.REGISTRATION_ID
                : "redirect:/signin?refused=" + SignInRefusal.UNAVAILABLE.code();
    }

    @PostMapping("/signin/demo")
    String signInAsDemoPerson(@RequestParam String email, HttpServletRequest request, HttpServletResponse response) {
        if (!demo.enabled() || settings.demoPeople().stream().noneMatch(email::equalsIgnoreCase)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Demo sign-in is not available for this person.");
        }
        try {
            signIn.start(signIn.userFor(email), null, request, response);
        } catch (SignInRefusedException e) {
            return "redirect:/signin?refused=" + e.refusal().code();
        }
        return "redirect:/portal";
    }
}
