package dev.clavis.connector.testkit;

import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PersonStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the contract put into the directory before its read tests: more people, groups and memberships
 * than two pages hold, with every optional attribute both present and absent, and one group whose
 * members alone span several pages.
 */
record Seed(List<DirectoryPerson> people, List<DirectoryGroup> groups, Set<DirectoryMembership> memberships) {

    /**
     * @param uniqueName makes a name no earlier test run used, from a short prefix
     */
    static Seed plant(TestDirectory directory, Function<String, String> uniqueName) {
        int count = 2 * directory.pageSize() + 3;
        var people = new ArrayList<DirectoryPerson>();
        var groups = new ArrayList<DirectoryGroup>();
        var memberships = new LinkedHashSet<DirectoryMembership>();

        String managerId = null;
        for (int i = 0; i < count; i++) {
            boolean bare = i % 4 == 3;
            var person = new TestPerson(
                    uniqueName.apply("p") + "@example.test",
                    "Given" + i,
                    "Family" + i,
                    bare ? null : "dept-" + i % 3,
                    bare ? null : "Title " + i,
                    bare ? null : managerId,
                    bare ? null : (i % 2 == 0 ? "employee" : "contractor"));
            String id = directory.createPerson(person);
            managerId = managerId == null ? id : managerId;
            people.add(expected(id, person));
        }

        for (int i = 0; i < count; i++) {
            String name = uniqueName.apply("g");
            String description = directory.groupsHaveDescriptions() && i % 2 == 0 ? "seeded group " + i : null;
            groups.add(new DirectoryGroup(directory.createGroup(name, description), name, description));
        }
        for (int i = 0; i < count; i++) {
            memberships.add(new DirectoryMembership(groups.get(i).id(), people.get(i).id()));
            memberships.add(new DirectoryMembership(groups.get((i + 1) % count).id(), people.get(i).id()));
        }
        String everyoneName = uniqueName.apply("everyone");
        var everyone = new DirectoryGroup(directory.createGroup(everyoneName, null), everyoneName, null);
        groups.add(everyone);
        for (DirectoryPerson person : people) {
            memberships.add(new DirectoryMembership(everyone.id(), person.id()));
        }

        for (DirectoryMembership membership : memberships) {
            directory.addMember(membership.groupId(), membership.personId());
        }
        return new Seed(List.copyOf(people), List.copyOf(groups), Set.copyOf(memberships));
    }

    /** The person as the connector must report them; the last login is not compared. */
    static DirectoryPerson expected(String id, TestPerson person) {
        return new DirectoryPerson(
                id,
                person.email(),
                person.displayName(),
                person.department(),
                person.title(),
                person.managerId(),
                person.employeeType(),
                PersonStatus.ACTIVE,
                null);
    }
}
