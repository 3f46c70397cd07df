package dev.clavis.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticOrganizationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void itYieldsExactlyTheRequestedPeopleGroupsAndMemberships() {
        var organisation = SyntheticOrganization.of(1_000, 120, 9_000, CLOCK);
        List<Entry> entries = organisation.entries().toList();

        List<Entry> people = entries.stream().filter(e -> e.getDN().endsWith("," + DirectoryLayout.PEOPLE_DN)).toList();
        List<Entry> groups = entries.stream().filter(e -> e.getDN().endsWith("," + DirectoryLayout.GROUPS_DN)).toList();
        assertThat(entries).hasSize(3 + 1_000 + 120);
        assertThat(people).hasSize(1_000);
        assertThat(groups).hasSize(120);
        assertThat(groups.stream().mapToLong(g -> g.getAttributeValues("member").length).sum()).isEqualTo(9_000);
    }

    @Test
    void groupsHaveDistinctMembersWhoAreAllPeopleOfTheOrganisation() {
        List<Entry> entries = SyntheticOrganization.of(500, 40, 4_000, CLOCK).entries().toList();
        Set<String> people = new HashSet<>();
        entries.stream().filter(e -> e.hasObjectClass("inetOrgPerson")).forEach(e -> people.add(e.getDN()));

        for (Entry group : entries.stream().filter(e -> e.hasObjectClass("groupOfNames")).toList()) {
            String[] members = group.getAttributeValues("member");
            assertThat(members).as(group.getDN()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(people).as(group.getDN()).contains(members);
        }
    }

    @Test
    void groupSizesFallOffFromAFewLargeGroupsToManySmallOnes() {
        List<Integer> sizes = SyntheticOrganization.of(10_000, 1_000, 50_000, CLOCK).entries()
                .filter(e -> e.hasObjectClass("groupOfNames"))
                .map(e -> e.getAttributeValues("member").length).toList();

        assertThat(sizes.get(0)).isGreaterThan(5_000);
        assertThat(sizes.stream().filter(size -> size <= 20)).hasSizeGreaterThan(500);
        assertThat(sizes).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void everyPersonButTheCeoHasAManagerEarlierInTheStream() {
        List<Entry> people = SyntheticOrganization.of(3_000, 10, 100, CLOCK).entries()
                .filter(e -> e.hasObjectClass("inetOrgPerson")).toList();
        Map<String, String> managerOf = new HashMap<>();
        var seen = new HashSet<String>();
        for (Entry person : people) {
            String manager = person.getAttributeValue("manager");
            if (manager != null) {
                assertThat(seen).as("manager of %s", person.getDN()).contains(manager);
                managerOf.put(person.getDN(), manager);
            }
            seen.add(person.getDN());
        }
        assertThat(people).filteredOn(p -> !p.hasAttribute("manager")).singleElement()
                .extracting(p -> p.getAttributeValue("mail")).isEqualTo(DemoOrganization.CEO);
        assertThat(people).extracting(p -> p.getAttributeValue("mail")).doesNotHaveDuplicates();
    }

    @Test
    void theFirstPeopleAndGroupsAreTheDemoOnesSoTheDemoCatalogStillApplies() {
        var organisation = SyntheticOrganization.of(5_000, 500, 20_000, CLOCK);
        Set<String> groups = new HashSet<>();
        Set<String> mails = new HashSet<>();
        organisation.entries().forEach(e -> {
            if (e.hasObjectClass("groupOfNames")) {
                groups.add(e.getAttributeValue("cn"));
            } else if (e.hasObjectClass("inetOrgPerson")) {
                mails.add(e.getAttributeValue("mail"));
            }
        });

        for (DemoApp app : DemoOrganization.APPS) {
            assertThat(mails).containsAll(app.owners());
            app.roles().forEach(role -> assertThat(groups).containsAll(role.groups()));
        }
        assertThat(mails).contains(DemoOrganization.ENGINEER, DemoOrganization.IT_ADMIN);
        assertThat(organisation.groupName(499)).isEqualTo("group-000499");
    }

    @Test
    void theSameParametersGiveTheSameEntries() {
        List<String> first = SyntheticOrganization.of(800, 60, 3_000, CLOCK).entries().map(Entry::toLDIFString).toList();
        List<String> second = SyntheticOrganization.of(800, 60, 3_000, CLOCK).entries().map(Entry::toLDIFString).toList();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> SyntheticOrganization.of(10, 5, 4, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 5 and 50");
        assertThatThrownBy(() -> SyntheticOrganization.of(10, 5, 51, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SyntheticOrganization.of(10, 5, 50, CLOCK).entries()
                .filter(e -> e.hasObjectClass("groupOfNames"))
                .allMatch(g -> g.getAttributeValues("member").length == 10)).isTrue();
    }

    @Test
    void aSyntheticOrganisationSeedsTheEmbeddedDirectory() throws LDAPException {
        var organisation = SyntheticOrganization.of(2_000, 300, 12_000, CLOCK);
        try (var directory = EmbeddedDirectory.start(EmbeddedDirectoryOptions.inMemory("pw").withSeed(organisation));
                LDAPConnection connection = directory.connectAsAdmin()) {
            assertThat(connection.search(DirectoryLayout.PEOPLE_DN, SearchScope.ONE, "(objectClass=inetOrgPerson)", "1.1")
                    .getEntryCount()).isEqualTo(2_000);
            assertThat(connection.search(DirectoryLayout.GROUPS_DN, SearchScope.ONE, "(objectClass=groupOfNames)", "member")
                    .getSearchEntries().stream().mapToInt(e -> e.getAttributeValues("member").length).sum())
                    .isEqualTo(12_000);
        }
    }
}
