package dev.clavis.web.internal;

import dev.clavis.request.GovernanceMetrics;
import dev.clavis.request.RequestFigures;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard for auditors and admins: the page holds the figures as tables (readable without
 * JavaScript and by screen readers), and {@code dashboard.js} draws them as charts from
 * {@code /dashboard/data}, since the console's CSP allows no inline script.
 */
@Controller
class DashboardPages {

    private final DashboardFigures figures;

    DashboardPages(DashboardFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/dashboard")
    String dashboard(Authentication auth, Model model) {
        model.addAttribute("me", WebUser.of(auth));
        DashboardFigures.Figures now = figures.now();
        model.addAttribute("summary", now.summary());
        model.addAttribute("automationRate", String.format(Locale.ROOT, "%.0f %%", now.summary().automationRate() * 100));
        model.addAttribute("timeToAccessP50", ReadableDuration.of(now.summary().timeToAccessP50()));
        model.addAttribute("timeToAccessP95", ReadableDuration.of(now.summary().timeToAccessP95()));
        model.addAttribute("revocationLagP95", ReadableDuration.of(now.summary().revocationLagP95()));
        model.addAttribute("outcomes", RequestFigures.OUTCOMES);
        model.addAttribute("rows", DashboardFigures.rows(now));
        model.addAttribute("expiries", now.expiries());
        model.addAttribute("windowDays", GovernanceMetrics.WINDOW.toDays());
        model.addAttribute("days", DashboardFigures.DAYS);
        model.addAttribute("ahead", DashboardFigures.AHEAD);
        return "web/dashboard";
    }

    @GetMapping(value = "/dashboard/data", produces = "application/json")
    @ResponseBody
    Map<String, Object> data() {
        return DashboardFigures.chartData(figures.now());
    }
}
