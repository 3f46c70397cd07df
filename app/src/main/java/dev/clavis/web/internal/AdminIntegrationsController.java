package dev.clavis.web.internal;

import dev.clavis.jira.JiraHealth;
import dev.clavis.slack.SlackStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Jira and Slack. The Jira doctor calls Jira, so it runs when an admin asks for it, not on every view;
 * Slack's state is read from its settings and its outbox.
 */
@Controller
class AdminIntegrationsController {

    private final JiraHealth jira;
    private final SlackStatus slack;

    AdminIntegrationsController(JiraHealth jira, SlackStatus slack) {
        this.jira = jira;
        this.slack = slack;
    }

    @ModelAttribute("me")
    WebUser me(Authentication auth) {
        return WebUser.of(auth);
    }

    @GetMapping("/admin/integrations")
    String page(Model model) {
        model.addAttribute("jiraConfigured", jira.configured());
        model.addAttribute("slack", slack.state());
        return "web/admin-integrations";
    }

    @PostMapping("/admin/integrations/jira/doctor")
    String jiraDoctor(Model model) {
        model.addAttribute("checkup", jira.examine());
        return page(model);
    }
}
