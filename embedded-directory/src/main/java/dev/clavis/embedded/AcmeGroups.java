package dev.clavis.embedded;

import static dev.clavis.embedded.DemoOrganization.CUSTOMER_SUPPORT;
import static dev.clavis.embedded.DemoOrganization.ENGINEERING;
import static dev.clavis.embedded.DemoOrganization.FINANCE;
import static dev.clavis.embedded.DemoOrganization.IT;
import static dev.clavis.embedded.DemoOrganization.LEGAL;
import static dev.clavis.embedded.DemoOrganization.MARKETING;
import static dev.clavis.embedded.DemoOrganization.PEOPLE;
import static dev.clavis.embedded.DemoOrganization.PRODUCT;
import static dev.clavis.embedded.DemoOrganization.SALES;
import static dev.clavis.embedded.DemoPerson.EMPLOYEE;
import static dev.clavis.embedded.DemoPerson.INTERN;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Acme's groups and who is in them: the memberships people already had before anyone used Clavis.
 * They follow departments and teams, with a couple of administrators per application.
 */
final class AcmeGroups {

    private final List<DemoPerson> people;
    private final Map<String, String> teams;
    private final Set<String> managers = new HashSet<>();
    private final List<DemoGroup> groups = new ArrayList<>();

    AcmeGroups(List<DemoPerson> people, Map<String, String> teams) {
        this.people = people;
        this.teams = teams;
        people.forEach(p -> {
            if (p.managerUid() != null) {
                managers.add(p.managerUid());
            }
        });
    }

    List<DemoGroup> all() {
        group(DemoOrganization.ALL_STAFF, "Everyone at Acme", p -> true);
        for (String department : DemoOrganization.DEPARTMENTS) {
            group(DemoOrganization.departmentGroup(department), "Everyone in " + department,
                    p -> p.department().equals(department));
        }
        group(DemoOrganization.CLAVIS_ADMINS, "Administrators of Clavis",
                people(DemoOrganization.IT_ADMIN, DemoOrganization.HEAD_OF_IT));
        group(DemoOrganization.CLAVIS_AUDITORS, "Read-only access to Clavis's audit trail and evidence",
                people(DemoOrganization.AUDITOR, DemoOrganization.COMPLIANCE_MANAGER));
        group(DemoOrganization.SECURITY_TEAM, "Security engineering; approves privileged infrastructure access",
                team("security"));

        group("github-members", "GitHub: members of the acme organisation", department(ENGINEERING).or(team("pm")));
        group("github-admins", "GitHub: owners of the acme organisation",
                people(DemoOrganization.PLATFORM_MANAGER).or(first(team("platform"), 1)).or(manager("devex")));

        group("aws-readonly", "AWS: read-only console and API access to all accounts",
                department(ENGINEERING).and(this::isManager).or(team("data")).or(team("security"))
                        .or(title("Systems Engineer")));
        group("aws-developer", "AWS: deploy and operate services in the development and production accounts",
                team("platform", "payments", "identity", "integrations", "data", "devex").and(type(INTERN).negate()));
        group("aws-admin", "AWS: administrator of every account", first(team("platform"), 2));

        group("salesforce-users", "Salesforce: CRM users",
                department(SALES).or(department(CUSTOMER_SUPPORT).and(this::isManager)).or(team("marketing-ops")));
        group("salesforce-admins", "Salesforce: system administrators",
                people(DemoOrganization.SALES_OPS_MANAGER).or(first(team("sales-ops"), 1)));

        group("hubspot-users", "HubSpot: marketing automation users", department(MARKETING).or(team("sdr")));
        group("hubspot-admins", "HubSpot: super admins",
                people(DemoOrganization.MARKETING_OPS_MANAGER).or(first(team("marketing-ops"), 1)));

        group("netsuite-users", "NetSuite: finance users", department(FINANCE));
        group("netsuite-admins", "NetSuite: administrators",
                people(DemoOrganization.CONTROLLER).or(first(title("Senior Accountant"), 1)));

        group("workday-hr", "Workday: HR partners who see and change worker records", department(PEOPLE));
        group("workday-admins", "Workday: tenant administrators",
                people(DemoOrganization.PEOPLE_OPS_MANAGER).or(title("HRIS Analyst")));

        group("zendesk-agents", "Zendesk: support agents", department(CUSTOMER_SUPPORT));
        group("zendesk-admins", "Zendesk: administrators",
                people(DemoOrganization.SUPPORT_OPS_MANAGER).or(first(team("support-ops"), 1)));

        group("figma-viewers", "Figma: view and comment", team("pm", "web", "mobile"));
        group("figma-editors", "Figma: edit design files", team("design", "brand"));
        group("figma-admins", "Figma: organisation administrators", people(DemoOrganization.DESIGN_MANAGER));

        group("jira-users", "Jira Software: project users",
                department(ENGINEERING).or(department(PRODUCT)).or(department(IT)));
        group("jira-admins", "Jira Software: site administrators",
                people(DemoOrganization.HEAD_OF_IT, DemoOrganization.IT_ADMIN));

        group("confluence-users", "Confluence: readers and writers", p -> true);
        group("confluence-admins", "Confluence: site administrators",
                people(DemoOrganization.HEAD_OF_IT).or(first(title("Systems Engineer"), 1)));

        group("datadog-users", "Datadog: dashboards, logs and monitors",
                department(ENGINEERING).and(type(INTERN).negate()).or(title("Technical Support Engineer")));
        group("datadog-admins", "Datadog: organisation administrators",
                people(DemoOrganization.PLATFORM_MANAGER).or(first(team("platform"), 1)));

        group("pagerduty-responders", "PagerDuty: on-call responders",
                team("platform", "payments", "identity", "security").and(type(EMPLOYEE)));
        group("pagerduty-admins", "PagerDuty: account administrators", people(DemoOrganization.PLATFORM_MANAGER));

        group("1password-members", "1Password: company vault members", p -> true);
        group("1password-admins", "1Password: owners and administrators",
                people(DemoOrganization.IT_ADMIN, DemoOrganization.HEAD_OF_IT));

        group("snowflake-analysts", "Snowflake: read access to the analytics warehouse",
                team("data", "fpa").or(title("Marketing Analyst")).or(title("Sales Operations Analyst")));
        group("snowflake-admins", "Snowflake: account administrators",
                people(DemoOrganization.DATA_MANAGER).or(first(team("data"), 1)));

        group("payments-viewer", "Payments Console: view payments, refunds and payouts",
                team("payments-ops", "payments").or(people(DemoOrganization.CONTROLLER))
                        .or(department(CUSTOMER_SUPPORT).and(this::isManager)));
        group("payments-admin", "Payments Console: issue refunds and change payout settings",
                people(DemoOrganization.PAYMENTS_OWNER).or(first(team("payments-ops"), 1)));

        group("docusign-senders", "DocuSign: send envelopes for signature",
                department(LEGAL).or(department(SALES).and(this::isManager)).or(team("talent"))
                        .or(people(DemoOrganization.PEOPLE_OPS_MANAGER)));
        group("docusign-admins", "DocuSign: account administrators",
                people(DemoOrganization.LEGAL_OPS_MANAGER, DemoOrganization.GENERAL_COUNSEL));
        return groups;
    }

    private void group(String name, String description, Predicate<DemoPerson> member) {
        var members = people.stream().filter(member).map(DemoPerson::uid).toList();
        if (members.isEmpty()) {
            throw new IllegalStateException("the demo group " + name + " would be empty");
        }
        groups.add(new DemoGroup(name, description, members));
    }

    private boolean isManager(DemoPerson person) {
        return managers.contains(person.uid());
    }

    private static Predicate<DemoPerson> department(String department) {
        return p -> p.department().equals(department);
    }

    private Predicate<DemoPerson> team(String... names) {
        Set<String> wanted = Set.of(names);
        return p -> wanted.contains(teams.get(p.uid()));
    }

    private static Predicate<DemoPerson> title(String title) {
        return p -> p.title().equals(title);
    }

    private static Predicate<DemoPerson> type(String employeeType) {
        return p -> p.employeeType().equals(employeeType);
    }

    private static Predicate<DemoPerson> people(String... emails) {
        Set<String> wanted = Set.of(emails);
        return p -> wanted.contains(p.email());
    }

    /** The manager of a team: the person of that team to whom others of it report. */
    private Predicate<DemoPerson> manager(String team) {
        return team(team).and(this::isManager);
    }

    /** The first {@code count} active individual contributors that match: the team's long-standing admins. */
    private Predicate<DemoPerson> first(Predicate<DemoPerson> match, int count) {
        var chosen = new LinkedHashSet<String>();
        for (DemoPerson person : people) {
            if (chosen.size() < count && match.test(person) && !isManager(person) && !person.isSuspended()) {
                chosen.add(person.uid());
            }
        }
        return p -> chosen.contains(p.uid());
    }
}
