package dev.clavis.web.internal;

import dev.clavis.catalog.CatalogService;
import dev.clavis.directory.DirectorySyncService;
import dev.clavis.directory.SyncReport;
import dev.clavis.grant.DriftReport;
import dev.clavis.grant.DriftReports;
import dev.clavis.jira.JiraHealth;
import dev.clavis.platform.ApiTokenAdmin;
import dev.clavis.slack.SlackStatus;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code /admin}: one line of status per admin page, each read bounded (nothing here calls Jira or Slack). */
@Controller
class AdminOverviewController {

    private final CatalogService catalog;
    private final DirectorySyncService syncs;
    private final DriftReports drift;
    private final JiraHealth jira;
    private final SlackStatus slack;
    private final ApiTokenAdmin tokens;

    AdminOverviewController(CatalogService catalog, DirectorySyncService syncs, DriftReports drift, JiraHealth jira,
            SlackStatus slack, ApiTokenAdmin tokens) {
        this.catalog = catalog;
        this.syncs = syncs;
        this.drift = drift;
        this.jira = jira;
        this.slack = slack;
        this.tokens = tokens;
    }

    @ModelAttribute("me")
    WebUser me(Authentication auth) {
        return WebUser.of(auth);
    }

    @GetMapping({"/admin", "/admin/"})
    String overview(Model model) {
        var current = catalog.current();
        model.addAttribute("catalog", current);
        model.addAttribute("appliedVersion", catalog.applied(current.version()).orElse(null));
        List<SyncReport> latest = syncs.recent(1);
        model.addAttribute("connector", syncs.connectorType());
        model.addAttribute("lastSync", latest.isEmpty() ? null : latest.get(0));
        model.addAttribute("drift", drift.report(1));
        model.addAttribute("countLimit", DriftReport.COUNT_LIMIT);
        model.addAttribute("jiraConfigured", jira.configured());
        model.addAttribute("slack", slack.state());
        model.addAttribute("tokenCount", tokens.count());
        return "web/admin";
    }
}
