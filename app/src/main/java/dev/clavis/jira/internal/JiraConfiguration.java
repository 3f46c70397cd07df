package dev.clavis.jira.internal;

import dev.clavis.catalog.CatalogService;
import dev.clavis.directory.Directory;
import dev.clavis.grant.Grants;
import dev.clavis.request.AccessRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The integration's parts, made only when it is switched on. */
@Configuration(proxyBeanMethods = false)
@Conditional(JiraEnabled.class)
class JiraConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JiraConfiguration.class);

    private final Wakeup inboxWakeup = new Wakeup();
    private final Wakeup queueWakeup = new Wakeup();

    @Bean
    JiraClient jiraClient(JiraSettings settings, Clock clock) {
        if (settings.webhookSecretValue().isEmpty()) {
            log.warn("CLAVIS_JIRA_WEBHOOK_SECRET is not set: every Jira webhook will be refused");
        }
        return new JiraClient(settings, clock);
    }

    @Bean
    JiraDoctor jiraDoctor(JiraSettings settings, JiraClient client) {
        return new JiraDoctor(settings, client);
    }

    @Bean
    ServiceDesk jiraServiceDesk(JiraClient client, JiraSettings settings) {
        return new ServiceDesk(client, settings);
    }

    @Bean
    TicketQueue jiraTicketQueue(JdbcClient jdbc, Clock clock) {
        return new TicketQueue(jdbc, clock, queueWakeup);
    }

    @Bean
    WebhookInbox jiraWebhookInbox(JdbcClient jdbc, Clock clock) {
        return new WebhookInbox(jdbc, clock, inboxWakeup);
    }

    @Bean
    EvidenceRecorder jiraEvidenceRecorder(TicketQueue queue, Directory directory, CatalogService catalog, Grants grants) {
        return new EvidenceRecorder(queue, directory, catalog, grants);
    }

    @Bean
    IssueRules jiraIssueRules(JiraSettings settings, @Value("${clavis.catalog:}") String catalogFile) {
        Path file = !settings.rules().isBlank() ? Path.of(settings.rules().strip())
                : catalogFile.isBlank() ? null : Path.of(catalogFile.strip()).resolveSibling("jira-rules.yaml");
        if (file == null || (settings.rules().isBlank() && !Files.exists(file))) {
            return IssueRules.NONE;
        }
        IssueRules rules = IssueRules.read(file);
        log.info("Jira issue rules from {}: {}", file, rules.rules().size());
        return rules;
    }

    @Bean
    IssueEvents jiraIssueEvents(JiraSettings settings, JiraClient client, ServiceDesk serviceDesk, TicketQueue queue,
            AccessRequests requests, Grants grants, Directory directory, CatalogService catalog, IssueRules rules,
            TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
        return new IssueEvents(settings, client, serviceDesk, queue, requests, grants, directory, catalog, rules, transactions, jdbc, clock);
    }

    @Bean
    TicketWriter jiraTicketWriter(TicketQueue queue, JiraClient client, ServiceDesk serviceDesk, JiraSettings settings,
            AccessRequests requests, Grants grants, CatalogService catalog, TransactionTemplate transactions, Clock clock) {
        return new TicketWriter(queue, client, serviceDesk, settings, requests, grants, catalog, transactions, clock);
    }

    @Bean
    JiraWorkers jiraWorkers(WebhookInbox inbox, IssueEvents events, TicketWriter writer, JiraSettings settings, Clock clock) {
        return new JiraWorkers(new WebhookProcessor(inbox, events, settings, clock), writer, inbox, settings, inboxWakeup, queueWakeup, clock);
    }
}
