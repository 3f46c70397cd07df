package dev.clavis.embedded;

import com.unboundid.ldap.sdk.Entry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Acme, the company of the demo: about 250 people in ten departments, one reporting tree up to the
 * CEO, sixteen applications with role groups and the memberships a company like this would have.
 * The same every time (a fixed random seed), so documentation can name people and groups.
 *
 * <p>The personas below are the people the documentation and the demo sign-in use.
 */
public final class DemoOrganization {

    /** Every demo person's password, so anyone can bind as them with ldapsearch. A demo, not a secret. */
    public static final String DEMO_PASSWORD = "acme-demo";

    public static final String CEO = "olivia.bennett@acme.test";
    public static final String CFO = "robert.hughes@acme.test";
    public static final String VP_ENGINEERING = "nathan.brooks@acme.test";
    /** Director of Platform Engineering; owns AWS and Datadog. */
    public static final String PLATFORM_DIRECTOR = "raj.patel@acme.test";
    /** Engineering Manager, Platform (SRE); owns PagerDuty, co-owns Datadog, in github-admins. */
    public static final String PLATFORM_MANAGER = "ben.carter@acme.test";
    /** Security Engineering Manager; leads security-team, which approves AWS admin. */
    public static final String SECURITY_MANAGER = "fatima.rahman@acme.test";
    /** Data Engineering Manager; owns Snowflake. */
    public static final String DATA_MANAGER = "wei.chen@acme.test";
    /** Engineering Manager, Web; owns GitHub. */
    public static final String ENGINEERING_MANAGER = "maria.lopez@acme.test";
    /** A software engineer and employee who reports to {@link #ENGINEERING_MANAGER}; in github-members only among GitHub's groups. */
    public static final String ENGINEER = "sam.taylor@acme.test";
    /** A contract software engineer who reports to {@link #ENGINEERING_MANAGER}. */
    public static final String CONTRACTOR = "alex.morgan@acme.test";
    /** A suspended engineer (pwdAccountLockedTime set) still in the engineering groups: a leaver to clean up. */
    public static final String SUSPENDED_ENGINEER = "jordan.reed@acme.test";
    /** Design Manager; owns Figma. */
    public static final String DESIGN_MANAGER = "chloe.dubois@acme.test";
    /** Sales Operations Manager; owns Salesforce. */
    public static final String SALES_OPS_MANAGER = "emma.wilson@acme.test";
    /** An account executive whose last sign-in was 140 days before seeding: an inactivity-reclaim case. */
    public static final String INACTIVE_ACCOUNT_EXECUTIVE = "victor.hansen@acme.test";
    /** Marketing Operations Manager; owns HubSpot. */
    public static final String MARKETING_OPS_MANAGER = "lucas.martin@acme.test";
    /** Controller; owns NetSuite. */
    public static final String CONTROLLER = "hannah.schmidt@acme.test";
    /** Head of Payments Operations; owns the Payments Console with the CFO. */
    public static final String PAYMENTS_OWNER = "james.okafor@acme.test";
    /** Internal Auditor, in clavis-auditors. */
    public static final String AUDITOR = "daniel.kim@acme.test";
    public static final String CHIEF_PEOPLE_OFFICER = "angela.price@acme.test";
    /** People Operations Manager; owns Workday. */
    public static final String PEOPLE_OPS_MANAGER = "aisha.mohammed@acme.test";
    /** Head of IT; owns Jira Software, Confluence and 1Password, in clavis-admins. */
    public static final String HEAD_OF_IT = "tom.nguyen@acme.test";
    /** IT Administrator, in clavis-admins; co-owns 1Password. */
    public static final String IT_ADMIN = "priya.shah@acme.test";
    public static final String GENERAL_COUNSEL = "catherine.moore@acme.test";
    /** Legal Operations Manager; owns DocuSign. */
    public static final String LEGAL_OPS_MANAGER = "noah.fischer@acme.test";
    /** Compliance Manager, in clavis-auditors. */
    public static final String COMPLIANCE_MANAGER = "elena.petrova@acme.test";
    /** Support Operations Manager; owns Zendesk. */
    public static final String SUPPORT_OPS_MANAGER = "kevin.murphy@acme.test";

    public static final String EXECUTIVE = "Executive";
    public static final String ENGINEERING = "Engineering";
    public static final String PRODUCT = "Product";
    public static final String SALES = "Sales";
    public static final String MARKETING = "Marketing";
    public static final String FINANCE = "Finance";
    public static final String PEOPLE = "People";
    public static final String IT = "IT";
    public static final String LEGAL = "Legal";
    public static final String CUSTOMER_SUPPORT = "Customer Support";

    public static final List<String> DEPARTMENTS = List.of(
            EXECUTIVE, ENGINEERING, PRODUCT, SALES, MARKETING, FINANCE, PEOPLE, IT, LEGAL, CUSTOMER_SUPPORT);

    public static final String ALL_STAFF = "all-staff";
    public static final String CLAVIS_ADMINS = "clavis-admins";
    public static final String CLAVIS_AUDITORS = "clavis-auditors";
    public static final String SECURITY_TEAM = "security-team";

    /** The applications and the groups behind their roles, as the demo catalog maps them. */
    public static final List<DemoApp> APPS = AcmeApps.all();

    private static final DemoOrganization ACME = new DemoOrganization(AcmeBuilder.build());

    private final List<DemoPerson> people;
    private final List<DemoGroup> groups;
    private final Map<String, DemoPerson> peopleByEmail;
    private final Map<String, DemoGroup> groupsByName;

    private DemoOrganization(AcmeBuilder.Built built) {
        this.people = List.copyOf(built.people());
        this.groups = List.copyOf(built.groups());
        this.peopleByEmail = people.stream()
                .collect(Collectors.toMap(DemoPerson::email, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.groupsByName = groups.stream()
                .collect(Collectors.toMap(DemoGroup::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public static DemoOrganization acme() {
        return ACME;
    }

    /** {@code dept-engineering}, {@code dept-customer-support}, ... */
    public static String departmentGroup(String department) {
        return "dept-" + department.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** Everyone, managers before the people who report to them, the CEO first. */
    public List<DemoPerson> people() {
        return people;
    }

    public List<DemoGroup> groups() {
        return groups;
    }

    public List<DemoApp> apps() {
        return APPS;
    }

    public Optional<DemoPerson> person(String email) {
        return Optional.ofNullable(peopleByEmail.get(email));
    }

    public Optional<DemoGroup> group(String name) {
        return Optional.ofNullable(groupsByName.get(name));
    }

    /** Seeds with timestamps relative to the clock's time at seeding. */
    public DirectorySeed seed(Clock clock) {
        return () -> entries(clock.instant());
    }

    /** Base entries, then people, then groups; last logins and locks are {@code now} minus their age. */
    public Stream<Entry> entries(Instant now) {
        return Stream.of(
                        Entries.base().stream(),
                        people.stream().map(person -> Entries.person(person.fields(),
                                minus(now, person.lastLoginAgo()), minus(now, person.suspendedAgo()))),
                        groups.stream().map(group -> Entries.group(group.name(), group.description(), group.memberDns())))
                .flatMap(Function.identity());
    }

    private static @Nullable Instant minus(Instant now, @Nullable Duration ago) {
        return ago == null ? null : now.minus(ago);
    }
}
