package dev.clavis.web.internal;

import dev.clavis.grant.DriftReport;
import dev.clavis.grant.DriftReports;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The drift report: what grants say against what the directory has, the first rows of each kind. */
@Controller
class AdminDriftController {

    static final int ROWS = 200;

    private final DriftReports drift;

    AdminDriftController(DriftReports drift) {
        this.drift = drift;
    }

    @ModelAttribute("me")
    WebUser me(Authentication auth) {
        return WebUser.of(auth);
    }

    @GetMapping("/admin/drift")
    String page(Model model) {
        model.addAttribute("drift", drift.report(ROWS));
        model.addAttribute("rows", ROWS);
        model.addAttribute("countLimit", DriftReport.COUNT_LIMIT);
        return "web/admin-drift";
    }
}
