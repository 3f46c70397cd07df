package dev.clavis.web.internal;

import dev.clavis.catalog.CatalogService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Admin pages; the security chain lets only members of the admin group in. */
@Controller
class AdminController {

    private final CatalogService catalog;

    AdminController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/admin/catalog")
    String catalog(Authentication auth, Model model) {
        long version = catalog.current().version();
        model.addAttribute("me", WebUser.of(auth));
        model.addAttribute("version", version);
        model.addAttribute("yaml", catalog.source(version).orElse(""));
        return "web/admin-catalog";
    }
}
