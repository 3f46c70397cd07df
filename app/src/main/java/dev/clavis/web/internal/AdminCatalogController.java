package dev.clavis.web.internal;

import dev.clavis.catalog.CatalogChange;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.CatalogService.ApplyResult;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog in force and its editor. Nothing is applied without a preview first: "Preview" shows the
 * line diff, the catalog's own list of changes and every problem with its line, and changes nothing;
 * "Apply" applies exactly the previewed text, and only onto the version it was previewed against.
 */
@Controller
class AdminCatalogController {

    private final CatalogService catalog;
    private final String catalogFile;

    AdminCatalogController(CatalogService catalog, @Value("${clavis.catalog:}") String catalogFile) {
        this.catalog = catalog;
        this.catalogFile = catalogFile.strip();
    }

    /** @param line 1-based, 0 when the problem has no place in the text */
    record Problem(String field, String message, int line) {}

    /** One change in words, e.g. "changed role github/admin: risk, durations". */
    record Change(String kind, String what, String fields) {

        static Change of(CatalogChange change) {
            String what = change.role() == null ? "app " + change.app() : "role " + change.app() + "/" + change.role();
            return new Change(change.kind().name().toLowerCase(Locale.ROOT), what, String.join(", ", change.fields()));
        }
    }

    @ModelAttribute("me")
    WebUser me(Authentication auth) {
        return WebUser.of(auth);
    }

    @GetMapping("/admin/catalog")
    String page(Model model) {
        long version = catalog.current().version();
        String source = source(version);
        inForce(model, version, source);
        model.addAttribute("editor", source);
        return "web/admin-catalog";
    }

    @PostMapping("/admin/catalog/preview")
    String preview(@RequestParam("yaml") String submitted, @RequestParam long basedOn, Authentication auth, Model model) {
        String yaml = lineFeeds(submitted);
        long version = catalog.current().version();
        String source = source(version);
        inForce(model, version, source);
        model.addAttribute("editor", yaml);
        model.addAttribute("openedAt", basedOn);
        previewAgainst(version, source, yaml, WebUser.of(auth), model);
        return "web/admin-catalog";
    }

    @PostMapping("/admin/catalog/apply")
    String apply(@RequestParam("yaml") String submitted, @RequestParam long basedOn, Authentication auth, Model model,
            RedirectAttributes redirect) {
        String yaml = lineFeeds(submitted);
        try {
            ApplyResult result = catalog.applyOnto(basedOn, yaml, WebUser.of(auth).email());
            redirect.addFlashAttribute("applied", result.applied()
                    ? "Applied: version " + result.version() + " is in force, with " + result.changes().size() + " change(s)."
                    : "Nothing was applied: the text makes no change to version " + result.version() + ".");
            return "redirect:/admin/catalog";
        } catch (ConflictException | InvalidInputException refused) {
            long version = catalog.current().version();
            inForce(model, version, source(version));
            model.addAttribute("editor", yaml);
            model.addAttribute("refusal", refused.getMessage());
            return "web/admin-catalog";
        }
    }

    private void previewAgainst(long version, String source, String yaml, WebUser me, Model model) {
        model.addAttribute("diff", LineDiff.between(source, yaml));
        try {
            ApplyResult dryRun = catalog.apply(yaml, true, me.email());
            model.addAttribute("changes", dryRun.changes().stream().map(Change::of).toList());
            model.addAttribute("warnings", dryRun.warnings());
            model.addAttribute("applicable", !dryRun.changes().isEmpty());
            model.addAttribute("previewedAgainst", version);
        } catch (InvalidInputException invalid) {
            model.addAttribute("problems", problems(yaml, invalid.errors()));
        }
        model.addAttribute("previewed", true);
    }

    private void inForce(Model model, long version, String source) {
        model.addAttribute("version", version);
        model.addAttribute("appliedVersion", catalog.applied(version).orElse(null));
        model.addAttribute("yaml", source);
        model.addAttribute("catalogFile", catalogFile.isEmpty() ? null : catalogFile);
    }

    private String source(long version) {
        return catalog.source(version).orElse("apps: []\n");
    }

    /** Browsers send a form's line breaks as CR LF; the catalog is kept with the line feeds it was written with. */
    private static String lineFeeds(String text) {
        return text.replace("\r\n", "\n");
    }

    private static List<Problem> problems(String yaml, List<InvalidInputException.FieldError> errors) {
        return errors.stream()
                .map(e -> new Problem(e.field(), e.message(), YamlLocations.lineOf(yaml, e.field(), e.message()).orElse(0)))
                .toList();
    }
}
