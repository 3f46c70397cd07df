package dev.clavis.embedded;

import static dev.clavis.embedded.DemoOrganization.CFO;
import static dev.clavis.embedded.DemoOrganization.CONTROLLER;
import static dev.clavis.embedded.DemoOrganization.DATA_MANAGER;
import static dev.clavis.embedded.DemoOrganization.DESIGN_MANAGER;
import static dev.clavis.embedded.DemoOrganization.ENGINEERING_MANAGER;
import static dev.clavis.embedded.DemoOrganization.HEAD_OF_IT;
import static dev.clavis.embedded.DemoOrganization.IT_ADMIN;
import static dev.clavis.embedded.DemoOrganization.LEGAL_OPS_MANAGER;
import static dev.clavis.embedded.DemoOrganization.MARKETING_OPS_MANAGER;
import static dev.clavis.embedded.DemoOrganization.PAYMENTS_OWNER;
import static dev.clavis.embedded.DemoOrganization.PEOPLE_OPS_MANAGER;
import static dev.clavis.embedded.DemoOrganization.PLATFORM_DIRECTOR;
import static dev.clavis.embedded.DemoOrganization.PLATFORM_MANAGER;
import static dev.clavis.embedded.DemoOrganization.SALES_OPS_MANAGER;
import static dev.clavis.embedded.DemoOrganization.SUPPORT_OPS_MANAGER;

import java.util.List;

/** Acme's applications; kept apart from the people so that the catalog's layout reads as one list. */
final class AcmeApps {

    private AcmeApps() {
    }

    static List<DemoApp> all() {
        return List.of(
                app("github", "GitHub", List.of(ENGINEERING_MANAGER),
                        role("member", "github-members"), role("admin", "github-admins")),
                app("aws", "AWS", List.of(PLATFORM_DIRECTOR),
                        role("readonly", "aws-readonly"), role("developer", "aws-developer"), role("admin", "aws-admin")),
                app("salesforce", "Salesforce", List.of(SALES_OPS_MANAGER),
                        role("user", "salesforce-users"), role("admin", "salesforce-admins")),
                app("hubspot", "HubSpot", List.of(MARKETING_OPS_MANAGER),
                        role("user", "hubspot-users"), role("admin", "hubspot-admins")),
                app("netsuite", "NetSuite", List.of(CONTROLLER),
                        role("user", "netsuite-users"), role("admin", "netsuite-admins")),
                app("workday", "Workday", List.of(PEOPLE_OPS_MANAGER),
                        role("hr-partner", "workday-hr"), role("admin", "workday-admins")),
                app("zendesk", "Zendesk", List.of(SUPPORT_OPS_MANAGER),
                        role("agent", "zendesk-agents"), role("admin", "zendesk-admins")),
                app("figma", "Figma", List.of(DESIGN_MANAGER),
                        role("viewer", "figma-viewers"), role("editor", "figma-editors"), role("admin", "figma-admins")),
                app("jira-software", "Jira Software", List.of(HEAD_OF_IT),
                        role("user", "jira-users"), role("admin", "jira-admins")),
                app("confluence", "Confluence", List.of(HEAD_OF_IT),
                        role("user", "confluence-users"), role("admin", "confluence-admins")),
                app("datadog", "Datadog", List.of(PLATFORM_DIRECTOR, PLATFORM_MANAGER),
                        role("user", "datadog-users"), role("admin", "datadog-admins")),
                app("pagerduty", "PagerDuty", List.of(PLATFORM_MANAGER),
                        role("responder", "pagerduty-responders"), role("admin", "pagerduty-admins")),
                app("1password", "1Password", List.of(HEAD_OF_IT, IT_ADMIN),
                        role("member", "1password-members"), role("admin", "1password-admins")),
                app("snowflake", "Snowflake", List.of(DATA_MANAGER),
                        role("analyst", "snowflake-analysts"), role("admin", "snowflake-admins")),
                app("payments", "Payments Console", List.of(PAYMENTS_OWNER, CFO),
                        role("viewer", "payments-viewer"), role("admin", "payments-admin")),
                app("docusign", "DocuSign", List.of(LEGAL_OPS_MANAGER),
                        role("sender", "docusign-senders"), role("admin", "docusign-admins")));
    }

    private static DemoApp app(String id, String name, List<String> owners, DemoApp.Role... roles) {
        return new DemoApp(id, name, owners, List.of(roles));
    }

    private static DemoApp.Role role(String id, String group) {
        return new DemoApp.Role(id, List.of(group));
    }
}
