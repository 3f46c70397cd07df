package dev.clavis.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoOrganizationTest {

    private final DemoOrganization acme = DemoOrganization.acme();
    private final Map<String, DemoPerson> byUid = acme.people().stream()
            .collect(Collectors.toMap(DemoPerson::uid, Function.identity()));

    @Test
    void acmeHasAtLeast240PeopleInAtLeastEightDepartments() {
        assertThat(acme.people()).hasSizeGreaterThanOrEqualTo(240);
        assertThat(acme.people().stream().map(DemoPerson::department).distinct())
                .hasSizeGreaterThanOrEqualTo(8)
                .containsExactlyInAnyOrderElementsOf(DemoOrganization.DEPARTMENTS);
    }

    @Test
    void emailsAndUidsAreUnique() {
        assertThat(acme.people()).extracting(DemoPerson::email).doesNotHaveDuplicates();
        assertThat(acme.people()).extracting(DemoPerson::uid).doesNotHaveDuplicates()
                .allMatch(uid -> uid.matches("[a-z]+\\.[a-z]+"));
    }

    @Test
    void everyoneButTheCeoHasAManagerAndEveryChainEndsAtTheCeoWithoutCycles() {
        DemoPerson ceo = acme.person(DemoOrganization.CEO).orElseThrow();
        assertThat(ceo.managerUid()).isNull();
        assertThat(acme.people()).filteredOn(p -> p.managerUid() == null).containsExactly(ceo);

        for (DemoPerson person : acme.people()) {
            var seen = new HashSet<String>();
            DemoPerson current = person;
            while (current.managerUid() != null) {
                assertThat(seen.add(current.uid())).as("cycle through %s", current.uid()).isTrue();
                assertThat(byUid).as("manager of %s", current.uid()).containsKey(current.managerUid());
                current = byUid.get(current.managerUid());
            }
            assertThat(current).as("top of %s's chain", person.uid()).isEqualTo(ceo);
        }
    }

    @Test
    void managersAreListedBeforeTheirReports() {
        var listed = new HashSet<String>();
        for (DemoPerson person : acme.people()) {
            if (person.managerUid() != null) {
                assertThat(listed).as("manager of %s listed before them", person.uid()).contains(person.managerUid());
            }
            listed.add(person.uid());
        }
    }

    @Test
    void personasAreWhereTheDocumentationSaysTheyAre() {
        DemoPerson maria = person(DemoOrganization.ENGINEERING_MANAGER);
        DemoPerson sam = person(DemoOrganization.ENGINEER);
        assertThat(maria.department()).isEqualTo("Engineering");
        assertThat(maria.title()).startsWith("Engineering Manager");
        assertThat(sam.managerUid()).isEqualTo(maria.uid());
        assertThat(sam.employeeType()).isEqualTo(DemoPerson.EMPLOYEE);
        assertThat(sam.title()).isEqualTo("Software Engineer");
        assertThat(person(DemoOrganization.CONTRACTOR).employeeType()).isEqualTo(DemoPerson.CONTRACTOR);
        assertThat(person(DemoOrganization.SUSPENDED_ENGINEER).isSuspended()).isTrue();
        assertThat(person(DemoOrganization.INACTIVE_ACCOUNT_EXECUTIVE).lastLoginAgo()).isGreaterThan(Duration.ofDays(90));
        assertThat(person(DemoOrganization.CEO).title()).isEqualTo("Chief Executive Officer");

        assertThat(members(DemoOrganization.CLAVIS_ADMINS)).contains(person(DemoOrganization.IT_ADMIN).uid());
        assertThat(members(DemoOrganization.CLAVIS_AUDITORS)).contains(person(DemoOrganization.AUDITOR).uid());
        assertThat(members("github-members")).contains(sam.uid());
        assertThat(members("github-admins")).doesNotContain(sam.uid());
    }

    @Test
    void mostPeopleAreEmployeesWithSomeContractorsAndInterns() {
        Map<String, Long> byType = acme.people().stream()
                .collect(Collectors.groupingBy(DemoPerson::employeeType, Collectors.counting()));

        assertThat(byType.keySet()).containsExactlyInAnyOrder("employee", "contractor", "intern");
        assertThat(byType.get("employee")).isGreaterThan(acme.people().size() * 8L / 10);
        assertThat(byType.get("contractor")).isGreaterThanOrEqualTo(5);
        assertThat(byType.get("intern")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aHandfulAreSuspendedSomeNeverSignedInAndSomeNotForNinetyDays() {
        assertThat(acme.people()).filteredOn(DemoPerson::isSuspended).hasSizeBetween(3, 10);
        assertThat(acme.people()).filteredOn(p -> p.lastLoginAgo() == null).hasSizeBetween(3, 30);
        assertThat(acme.people()).filteredOn(p -> p.lastLoginAgo() != null && p.lastLoginAgo().toDays() > 90)
                .hasSizeBetween(5, 40);
        assertThat(acme.people()).filteredOn(p -> p.lastLoginAgo() != null && p.lastLoginAgo().toDays() < 15)
                .hasSizeGreaterThan(acme.people().size() / 2);
    }

    @Test
    void everyGroupHasMembersAndEveryMemberIsADemoPerson() {
        assertThat(acme.groups()).extracting(DemoGroup::name).doesNotHaveDuplicates();
        for (DemoGroup group : acme.groups()) {
            assertThat(group.memberUids()).as(group.name()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(byUid.keySet()).as(group.name()).containsAll(group.memberUids());
        }
        assertThat(members(DemoOrganization.ALL_STAFF)).hasSize(acme.people().size());
        assertThat(members("dept-customer-support"))
                .allMatch(uid -> byUid.get(uid).department().equals(DemoOrganization.CUSTOMER_SUPPORT));
    }

    @Test
    void everyAppHasOwnersWhoArePeopleAndRolesWhoseGroupsExist() {
        assertThat(acme.apps()).hasSizeGreaterThanOrEqualTo(12);
        for (DemoApp app : acme.apps()) {
            assertThat(app.id()).matches("[a-z0-9-]+");
            assertThat(app.owners()).as(app.id()).isNotEmpty().allMatch(email -> acme.person(email).isPresent());
            for (DemoApp.Role role : app.roles()) {
                assertThat(role.groups()).as(app.id() + "/" + role.id())
                        .allMatch(group -> acme.group(group).isPresent());
            }
        }
    }

    @Test
    void noOneHoldsBothPaymentsAdminAndNetsuiteAdmin() {
        assertThat(members("payments-admin")).doesNotContainAnyElementsOf(members("netsuite-admins"));
    }

    @Test
    void departmentsAreRecordedByNameAndMembershipsFollowThem() {
        Set<String> salesforce = Set.copyOf(members("salesforce-users"));
        assertThat(acme.people()).filteredOn(p -> p.department().equals(DemoOrganization.SALES))
                .allMatch(p -> salesforce.contains(p.uid()));
        assertThat(members("netsuite-users"))
                .allMatch(uid -> byUid.get(uid).department().equals(DemoOrganization.FINANCE));
    }

    @Test
    void entriesAreBaseEntriesThenPeopleThenGroups() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        var entries = acme.entries(now).toList();

        assertThat(entries).hasSize(3 + acme.people().size() + acme.groups().size());
        assertThat(entries.get(0).getDN()).isEqualTo(DirectoryLayout.BASE_DN);
        DemoPerson samPerson = person(DemoOrganization.ENGINEER);
        var sam = entries.stream().filter(e -> e.getDN().equals(samPerson.dn())).findFirst().orElseThrow();
        assertThat(sam.getAttributeValue("mail")).isEqualTo("sam.taylor@acme.test");
        assertThat(sam.getAttributeValue("departmentNumber")).isEqualTo("Engineering");
        assertThat(sam.getAttributeValue("manager")).isEqualTo("uid=maria.lopez,ou=people,dc=acme,dc=test");
        assertThat(sam.getAttributeValue("authTimestamp"))
                .isEqualTo(Entries.generalizedTime(now.minus(samPerson.lastLoginAgo())))
                .matches("\\d{14}Z");
    }

    private DemoPerson person(String email) {
        return acme.person(email).orElseThrow(() -> new AssertionError("no persona " + email));
    }

    private List<String> members(String group) {
        return acme.group(group).orElseThrow(() -> new AssertionError("no group " + group)).memberUids();
    }
}
