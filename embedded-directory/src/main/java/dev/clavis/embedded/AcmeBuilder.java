package dev.clavis.embedded;

import static dev.clavis.embedded.DemoOrganization.CUSTOMER_SUPPORT;
import static dev.clavis.embedded.DemoOrganization.ENGINEERING;
import static dev.clavis.embedded.DemoOrganization.EXECUTIVE;
import static dev.clavis.embedded.DemoOrganization.FINANCE;
import static dev.clavis.embedded.DemoOrganization.IT;
import static dev.clavis.embedded.DemoOrganization.LEGAL;
import static dev.clavis.embedded.DemoOrganization.MARKETING;
import static dev.clavis.embedded.DemoOrganization.PEOPLE;
import static dev.clavis.embedded.DemoOrganization.PRODUCT;
import static dev.clavis.embedded.DemoOrganization.SALES;
import static dev.clavis.embedded.DemoPerson.CONTRACTOR;
import static dev.clavis.embedded.DemoPerson.EMPLOYEE;
import static dev.clavis.embedded.DemoPerson.INTERN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds Acme's people top-down, managers before their reports. Named people are the personas and
 * the department heads; everyone else gets a random name from a fixed seed, so the result is the
 * same on every run.
 */
final class AcmeBuilder {

    private static final long SEED = 20_240_917L;

    /** Individual contributors' titles per department, also used by {@link SyntheticOrganization}. */
    static final Map<String, List<String>> TITLES = Map.of(
            EXECUTIVE, List.of("Executive Assistant"),
            ENGINEERING, List.of("Software Engineer", "Senior Software Engineer", "Staff Software Engineer"),
            PRODUCT, List.of("Product Manager", "Senior Product Manager", "Product Designer"),
            SALES, List.of("Account Executive", "Senior Account Executive", "Sales Development Representative"),
            MARKETING, List.of("Marketing Specialist", "Demand Generation Specialist", "Content Marketing Specialist"),
            FINANCE, List.of("Accountant", "Senior Accountant", "Financial Analyst"),
            PEOPLE, List.of("People Operations Specialist", "Recruiter", "HR Business Partner"),
            IT, List.of("IT Support Specialist", "Systems Engineer"),
            LEGAL, List.of("Corporate Counsel", "Paralegal"),
            CUSTOMER_SUPPORT, List.of("Customer Support Specialist", "Senior Customer Support Specialist",
                    "Technical Support Engineer"));

    private static final List<String> SWE = List.of(
            "Software Engineer", "Software Engineer", "Senior Software Engineer", "Senior Software Engineer",
            "Staff Software Engineer");
    private static final List<String> SRE = List.of(
            "Site Reliability Engineer", "Site Reliability Engineer", "Senior Site Reliability Engineer",
            "Senior Site Reliability Engineer", "Staff Site Reliability Engineer");
    private static final List<String> SECURITY = List.of(
            "Security Engineer", "Senior Security Engineer", "Application Security Engineer");
    private static final List<String> DATA = List.of("Data Engineer", "Senior Data Engineer", "Analytics Engineer");
    private static final List<String> MOBILE = List.of(
            "iOS Engineer", "Android Engineer", "Senior iOS Engineer", "Senior Android Engineer");
    private static final List<String> SUPPORT = List.of(
            "Customer Support Specialist", "Customer Support Specialist", "Senior Customer Support Specialist",
            "Technical Support Engineer");

    // Everyone created with named(); random names never take these.
    private static final Set<String> NAMED = Set.of(
            "olivia.bennett", "marcus.reid", "nathan.brooks", "raj.patel", "grace.liu", "ben.carter",
            "fatima.rahman", "wei.chen", "maria.lopez", "sam.taylor", "alex.morgan", "jordan.reed",
            "sofia.rossi", "chloe.dubois", "michael.turner", "emma.wilson", "victor.hansen", "laura.jensen",
            "lucas.martin", "robert.hughes", "hannah.schmidt", "james.okafor", "daniel.kim", "angela.price",
            "aisha.mohammed", "tom.nguyen", "priya.shah", "catherine.moore", "noah.fischer", "elena.petrova",
            "diego.alvarez", "kevin.murphy");

    private final Random random = new Random(SEED);
    private final List<DemoPerson> people = new ArrayList<>();
    private final Map<String, String> teams = new HashMap<>();
    private final Set<String> taken = new HashSet<>(NAMED);

    private AcmeBuilder() {
    }

    static Built build() {
        var builder = new AcmeBuilder();
        builder.organisation();
        builder.activity();
        return new Built(builder.people, new AcmeGroups(builder.people, builder.teams).all());
    }

    record Built(List<DemoPerson> people, List<DemoGroup> groups) {
    }

    private void organisation() {
        DemoPerson ceo = named("Olivia", "Bennett", "Chief Executive Officer", EXECUTIVE, null, "executive");
        named("Marcus", "Reid", "Chief of Staff", EXECUTIVE, ceo, "executive");
        hire("Executive Assistant", ceo, "executive");
        engineering(ceo);
        product(ceo);
        sales(ceo);
        marketing(ceo);
        finance(ceo);
        people(ceo);
        it(ceo);
        legal(ceo);
        support(ceo);
    }

    private void engineering(DemoPerson ceo) {
        DemoPerson vp = named("Nathan", "Brooks", "VP of Engineering", ENGINEERING, ceo, "engineering");
        DemoPerson platform = named("Raj", "Patel", "Director of Platform Engineering", ENGINEERING, vp, "engineering");
        DemoPerson product = named("Grace", "Liu", "Director of Product Engineering", ENGINEERING, vp, "engineering");
        hire("Principal Engineer", vp, "engineering");

        DemoPerson sre = named("Ben", "Carter", "Engineering Manager, Platform", ENGINEERING, platform, "platform");
        staff(sre, "platform", 9, SRE, 1);
        DemoPerson security = named("Fatima", "Rahman", "Security Engineering Manager", ENGINEERING, platform, "security");
        staff(security, "security", 5, SECURITY, 0);
        interns(security, "security", 1, "Security Engineering Intern");
        DemoPerson data = named("Wei", "Chen", "Data Engineering Manager", ENGINEERING, platform, "data");
        staff(data, "data", 7, DATA, 1);
        interns(data, "data", 1, "Data Engineering Intern");
        staff(hire("Engineering Manager, Developer Experience", platform, "devex"), "devex", 6, SWE, 0);

        DemoPerson web = named("Maria", "Lopez", "Engineering Manager, Web", ENGINEERING, product, "web");
        named("Sam", "Taylor", "Software Engineer", ENGINEERING, web, "web");
        named("Alex", "Morgan", "Software Engineer", ENGINEERING, web, "web", CONTRACTOR);
        named("Jordan", "Reed", "Senior Software Engineer", ENGINEERING, web, "web");
        staff(web, "web", 7, SWE, 0);
        interns(web, "web", 1, "Software Engineering Intern");
        staff(hire("Engineering Manager, Payments", product, "payments"), "payments", 8, SWE, 1);
        staff(hire("Engineering Manager, Identity", product, "identity"), "identity", 6, SWE, 0);
        DemoPerson mobile = hire("Engineering Manager, Mobile", product, "mobile");
        staff(mobile, "mobile", 8, MOBILE, 1);
        interns(mobile, "mobile", 1, "Mobile Engineering Intern");
        staff(hire("Engineering Manager, Integrations", product, "integrations"), "integrations", 8, SWE, 1);
        staff(hire("QA Lead", product, "qa"), "qa", 4, List.of("QA Engineer", "Senior QA Engineer"), 1);
    }

    private void product(DemoPerson ceo) {
        DemoPerson vp = named("Sofia", "Rossi", "VP of Product", PRODUCT, ceo, "product");
        DemoPerson pm = hire("Director of Product Management", vp, "pm");
        staff(pm, "pm", 7, List.of("Product Manager", "Senior Product Manager", "Group Product Manager"), 0);
        interns(pm, "pm", 1, "Product Management Intern");
        DemoPerson design = named("Chloe", "Dubois", "Design Manager", PRODUCT, vp, "design");
        staff(design, "design", 5, List.of("Product Designer", "Senior Product Designer", "UX Researcher"), 1);
        interns(design, "design", 1, "Product Design Intern");
    }

    private void sales(DemoPerson ceo) {
        DemoPerson vp = named("Michael", "Turner", "VP of Sales", SALES, ceo, "sales");
        List<String> accountExecutives = List.of("Account Executive", "Account Executive", "Senior Account Executive");
        DemoPerson enterprise = hire("Director, Enterprise Sales", vp, "enterprise");
        staff(hire("Sales Manager, Enterprise", enterprise, "enterprise"), "enterprise", 7, accountExecutives, 0);
        staff(hire("Sales Manager, Enterprise", enterprise, "enterprise"), "enterprise", 7, accountExecutives, 0);
        DemoPerson midMarket = hire("Director, Mid-Market Sales", vp, "mid-market");
        DemoPerson midMarketManager = hire("Sales Manager, Mid-Market", midMarket, "mid-market");
        named("Victor", "Hansen", "Account Executive", SALES, midMarketManager, "mid-market");
        staff(midMarketManager, "mid-market", 6, accountExecutives, 0);
        staff(hire("Sales Development Manager", midMarket, "sdr"), "sdr", 8,
                List.of("Sales Development Representative", "Senior Sales Development Representative"), 1);
        staff(named("Emma", "Wilson", "Sales Operations Manager", SALES, vp, "sales-ops"), "sales-ops", 2,
                List.of("Sales Operations Analyst"), 0);
        staff(hire("Sales Engineering Manager", vp, "sales-engineering"), "sales-engineering", 4,
                List.of("Sales Engineer", "Senior Sales Engineer"), 0);
    }

    private void marketing(DemoPerson ceo) {
        DemoPerson vp = named("Laura", "Jensen", "VP of Marketing", MARKETING, ceo, "marketing");
        DemoPerson ops = named("Lucas", "Martin", "Marketing Operations Manager", MARKETING, vp, "marketing-ops");
        staff(ops, "marketing-ops", 2, List.of("Marketing Operations Specialist"), 0);
        staff(ops, "marketing-ops", 1, List.of("Marketing Analyst"), 0);
        DemoPerson demand = hire("Demand Generation Manager", vp, "demand");
        staff(demand, "demand", 4, List.of("Demand Generation Specialist", "Senior Demand Generation Specialist"), 0);
        interns(demand, "demand", 1, "Marketing Intern");
        staff(hire("Content Marketing Manager", vp, "content"), "content", 5,
                List.of("Content Marketing Specialist", "Content Writer"), 1);
        staff(hire("Brand Design Lead", vp, "brand"), "brand", 2, List.of("Brand Designer"), 0);
        staff(vp, "marketing", 2, List.of("Product Marketing Manager"), 0);
    }

    private void finance(DemoPerson ceo) {
        DemoPerson cfo = named("Robert", "Hughes", "Chief Financial Officer", FINANCE, ceo, "finance");
        DemoPerson controller = named("Hannah", "Schmidt", "Controller", FINANCE, cfo, "accounting");
        staff(controller, "accounting", 2, List.of("Senior Accountant"), 0);
        staff(controller, "accounting", 4, List.of("Accountant", "Accounts Payable Specialist"), 0);
        DemoPerson payments = named("James", "Okafor", "Head of Payments Operations", FINANCE, cfo, "payments-ops");
        staff(payments, "payments-ops", 3, List.of("Payments Operations Specialist"), 0);
        staff(hire("FP&A Manager", cfo, "fpa"), "fpa", 3, List.of("Financial Analyst", "Senior Financial Analyst"), 0);
        named("Daniel", "Kim", "Internal Auditor", FINANCE, cfo, "finance");
    }

    private void people(DemoPerson ceo) {
        DemoPerson cpo = named("Angela", "Price", "Chief People Officer", PEOPLE, ceo, "people");
        DemoPerson ops = named("Aisha", "Mohammed", "People Operations Manager", PEOPLE, cpo, "people-ops");
        staff(ops, "people-ops", 2, List.of("People Operations Specialist"), 0);
        staff(ops, "people-ops", 1, List.of("HRIS Analyst"), 0);
        staff(hire("Talent Acquisition Manager", cpo, "talent"), "talent", 4, List.of("Recruiter", "Senior Recruiter"), 1);
        staff(cpo, "people", 2, List.of("HR Business Partner"), 0);
    }

    private void it(DemoPerson ceo) {
        DemoPerson head = named("Tom", "Nguyen", "Head of IT", IT, ceo, "it");
        named("Priya", "Shah", "IT Administrator", IT, head, "it");
        staff(hire("IT Support Manager", head, "it-support"), "it-support", 4, List.of("IT Support Specialist"), 1);
        staff(head, "it", 2, List.of("Systems Engineer"), 0);
        staff(head, "it", 1, List.of("IT Security Analyst"), 0);
    }

    private void legal(DemoPerson ceo) {
        DemoPerson counsel = named("Catherine", "Moore", "General Counsel", LEGAL, ceo, "legal");
        staff(counsel, "legal", 1, List.of("Senior Counsel"), 0);
        staff(counsel, "legal", 1, List.of("Corporate Counsel"), 0);
        staff(named("Noah", "Fischer", "Legal Operations Manager", LEGAL, counsel, "legal"), "legal", 1,
                List.of("Paralegal"), 0);
        named("Elena", "Petrova", "Compliance Manager", LEGAL, counsel, "legal");
    }

    private void support(DemoPerson ceo) {
        DemoPerson vp = named("Diego", "Alvarez", "VP of Customer Support", CUSTOMER_SUPPORT, ceo, "support");
        staff(named("Kevin", "Murphy", "Support Operations Manager", CUSTOMER_SUPPORT, vp, "support-ops"),
                "support-ops", 1, List.of("Support Operations Analyst"), 0);
        for (int team = 0; team < 3; team++) {
            staff(hire("Customer Support Manager", vp, "support"), "support", 9, SUPPORT, 1);
        }
    }

    private DemoPerson named(String givenName, String surname, String title, String department,
            @Nullable DemoPerson manager, String team) {
        return named(givenName, surname, title, department, manager, team, EMPLOYEE);
    }

    private DemoPerson named(String givenName, String surname, String title, String department,
            @Nullable DemoPerson manager, String team, String employeeType) {
        String uid = Names.uid(givenName, surname);
        if (!NAMED.contains(uid) || people.stream().anyMatch(p -> p.uid().equals(uid))) {
            throw new IllegalStateException(uid + " must be listed in NAMED exactly once");
        }
        return add(uid, givenName, surname, title, department, manager, team, employeeType);
    }

    private DemoPerson hire(String title, DemoPerson manager, String team) {
        return hire(title, manager, team, EMPLOYEE);
    }

    private DemoPerson hire(String title, DemoPerson manager, String team, String employeeType) {
        String givenName;
        String surname;
        do {
            givenName = Names.GIVEN.get(random.nextInt(Names.GIVEN.size()));
            surname = Names.SURNAMES.get(random.nextInt(Names.SURNAMES.size()));
        } while (!taken.add(Names.uid(givenName, surname)));
        return add(Names.uid(givenName, surname), givenName, surname, title, manager.department(), manager, team,
                employeeType);
    }

    /** {@code count} reports of {@code manager}, the last {@code contractors} of them contractors. */
    private void staff(DemoPerson manager, String team, int count, List<String> titles, int contractors) {
        for (int i = 0; i < count; i++) {
            String title = titles.get(random.nextInt(titles.size()));
            hire(title, manager, team, i >= count - contractors ? CONTRACTOR : EMPLOYEE);
        }
    }

    private void interns(DemoPerson manager, String team, int count, String title) {
        for (int i = 0; i < count; i++) {
            hire(title, manager, team, INTERN);
        }
    }

    private DemoPerson add(String uid, String givenName, String surname, String title, String department,
            @Nullable DemoPerson manager, String team, String employeeType) {
        var person = new DemoPerson(uid, givenName, surname, title, department, manager == null ? null : manager.uid(),
                employeeType, String.format("AC%04d", people.size() + 1), null, null);
        people.add(person);
        teams.put(uid, team);
        return person;
    }

    /** Last sign-ins and suspensions: most people recent, some never, some long ago, a few locked. */
    private void activity() {
        for (int i = 0; i < people.size(); i++) {
            DemoPerson person = people.get(i);
            people.set(i, person.withActivity(lastLogin(person), null));
        }
        set("jordan.reed", Duration.ofDays(19).plusHours(3), Duration.ofDays(12));
        set("victor.hansen", Duration.ofDays(140).plusHours(5), null);
        for (String persona : List.of("olivia.bennett", "maria.lopez", "sam.taylor", "priya.shah", "daniel.kim",
                "tom.nguyen", "raj.patel", "ben.carter")) {
            set(persona, Duration.ofMinutes(20 + random.nextInt(600)), null);
        }
        var managers = new HashSet<String>();
        people.forEach(p -> {
            if (p.managerUid() != null) {
                managers.add(p.managerUid());
            }
        });
        int suspended = 0;
        while (suspended < 4) {
            DemoPerson candidate = people.get(random.nextInt(people.size()));
            if (!NAMED.contains(candidate.uid()) && !managers.contains(candidate.uid()) && !candidate.isSuspended()) {
                Duration lockedAgo = Duration.ofDays(3 + random.nextInt(40));
                set(candidate.uid(), lockedAgo.plusDays(5 + random.nextInt(120)), lockedAgo);
                suspended++;
            }
        }
    }

    private @Nullable Duration lastLogin(DemoPerson person) {
        double roll = random.nextDouble();
        int minutes = random.nextInt(24 * 60);
        if (person.employeeType().equals(INTERN) && roll < 0.3) {
            return null;
        }
        if (roll < 0.04) {
            return null;
        }
        if (roll < 0.10) {
            return Duration.ofDays(91 + random.nextInt(300)).plusMinutes(minutes);
        }
        if (roll < 0.22) {
            return Duration.ofDays(15 + random.nextInt(60)).plusMinutes(minutes);
        }
        return Duration.ofMinutes(5 + random.nextInt(14 * 24 * 60));
    }

    private void set(String uid, @Nullable Duration lastLoginAgo, @Nullable Duration suspendedAgo) {
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).uid().equals(uid)) {
                people.set(i, people.get(i).withActivity(lastLoginAgo, suspendedAgo));
                return;
            }
        }
        throw new IllegalStateException("no person " + uid);
    }
}
