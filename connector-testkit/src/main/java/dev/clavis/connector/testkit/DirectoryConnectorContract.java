package dev.clavis.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clavis.connector.spi.ChangeResult;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.LoginActivity;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PersonStatus;
import dev.clavis.connector.spi.UnknownGroupException;
import dev.clavis.connector.spi.UnknownPersonException;
import dev.clavis.connector.spi.UserLifecycle;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every connector must do, checked against the directory behind it.
 *
 * <p>A connector's test extends this class and supplies {@link #connector()} and {@link #directory()};
 * both may be created in the subclass's own {@code @BeforeAll} (the test instance lives for the whole
 * class, so non-static lifecycle methods work). On first use the contract seeds the directory once with
 * more people, groups and memberships than two pages hold; tests that change memberships or people
 * create their own fixtures under names no other test uses, so tests do not depend on each other's
 * order. Tests of optional capabilities are skipped for connectors that lack them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DirectoryConnectorContract {

    /** More streams than a small test pool has connections, so one that keeps its connection is noticed. */
    private static final int ABANDONED_STREAMS = 5;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final AtomicInteger sequence = new AtomicInteger();
    private @Nullable Seed seed;

    /** The connector under test; the subclass creates and closes it. */
    protected abstract DirectoryConnector connector();

    /** The directory behind {@link #connector()}. */
    protected abstract TestDirectory directory();

    /**
     * Why the directory behind this test cannot show a suspension although the connector supports it,
     * e.g. a server module that is not installed; the suspension tests are then skipped with this reason.
     * Empty, the default, runs them.
     */
    protected Optional<String> whySuspensionCannotBeTested() {
        return Optional.empty();
    }

    /** A short name no other test or earlier run used, e.g. for emails and group names. */
    protected final String uniqueName(String prefix) {
        return prefix + sequence.incrementAndGet() + "-" + run;
    }

    @Test
    void verificationPassesAgainstAWorkingDirectory() {
        assertThatCode(() -> connector().verify()).doesNotThrowAnyException();
    }

    @Test
    void peopleArriveInSeveralPagesNoLargerThanThePageSize() {
        Seed seed = seed();

        List<List<DirectoryPerson>> pages = Pages.all(connector()::people);

        assertPaged(pages);
        List<String> ids = ids(pages, DirectoryPerson::id);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsAll(seed.people().stream().map(DirectoryPerson::id).toList());
    }

    @Test
    void peopleCarryTheirDirectoryAttributes() {
        Seed seed = seed();

        List<DirectoryPerson> listed = Pages.flat(connector()::people);

        for (DirectoryPerson expected : seed.people()) {
            assertThat(listed)
                    .filteredOn(person -> person.id().equals(expected.id()))
                    .singleElement()
                    .usingRecursiveComparison()
                    .ignoringFields("lastLoginAt")
                    .isEqualTo(expected);
        }
    }

    @Test
    void groupsArriveInSeveralPagesNoLargerThanThePageSize() {
        Seed seed = seed();

        List<List<DirectoryGroup>> pages = Pages.all(connector()::groups);

        assertPaged(pages);
        List<String> ids = ids(pages, DirectoryGroup::id);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsAll(seed.groups().stream().map(DirectoryGroup::id).toList());
    }

    @Test
    void groupsCarryTheirNamesAndDescriptions() {
        Seed seed = seed();

        assertThat(Pages.flat(connector()::groups)).containsAll(seed.groups());
    }

    @Test
    void membershipsArriveInSeveralPagesNoLargerThanThePageSize() {
        Seed seed = seed();

        List<List<DirectoryMembership>> pages = Pages.all(connector()::memberships);

        assertPaged(pages);
        List<DirectoryMembership> listed = pages.stream().flatMap(List::stream).toList();
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsAll(seed.memberships());
    }

    @Test
    void membershipsNameOnlyListedPeopleAndGroups() {
        seed();
        List<String> people = Pages.flat(connector()::people).stream().map(DirectoryPerson::id).toList();
        List<String> groups = Pages.flat(connector()::groups).stream().map(DirectoryGroup::id).toList();

        assertThat(Pages.flat(connector()::memberships)).allSatisfy(membership -> {
            assertThat(people).contains(membership.personId());
            assertThat(groups).contains(membership.groupId());
        });
    }

    @Test
    void aStreamClosedAfterItsFirstPageLeavesTheConnectorUsable() {
        Seed seed = seed();
        int pageSize = directory().pageSize();
        for (int round = 0; round < ABANDONED_STREAMS; round++) {
            assertThat(Pages.first(connector()::people)).hasSizeBetween(1, pageSize);
            assertThat(Pages.first(connector()::groups)).hasSizeBetween(1, pageSize);
            assertThat(Pages.first(connector()::memberships)).hasSizeBetween(1, pageSize);
            connector().people().close();
        }

        assertThat(Pages.flat(connector()::people).stream().map(DirectoryPerson::id))
                .containsAll(seed.people().stream().map(DirectoryPerson::id).toList());
    }

    @Test
    void addingAMemberMakesThemAMemberInTheDirectory() {
        var group = directory().createGroup(uniqueName("add"), null);
        var person = newPerson();

        assertThat(provisioning().addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ADDED);

        assertThat(directory().members(group)).contains(person);
    }

    @Test
    void addingAMemberTwiceLeavesOneMembership() {
        var group = directory().createGroup(uniqueName("twice"), null);
        var person = newPerson();
        provisioning().addMember(new MembershipChange(group, person));

        assertThat(provisioning().addMember(new MembershipChange(group, person)))
                .isEqualTo(AddOutcome.ALREADY_MEMBER);

        assertThat(Collections.frequency(directory().members(group), person)).isOne();
    }

    @Test
    void addingSomeoneWhoIsAlreadyAMemberInTheDirectoryFindsThemAMember() {
        var group = directory().createGroup(uniqueName("preset"), null);
        var person = newPerson();
        directory().addMember(group, person);

        assertThat(provisioning().addMember(new MembershipChange(group, person)))
                .isEqualTo(AddOutcome.ALREADY_MEMBER);

        assertThat(Collections.frequency(directory().members(group), person)).isOne();
    }

    @Test
    void aMembershipAddedThroughTheConnectorIsListed() {
        var group = directory().createGroup(uniqueName("listed"), null);
        var person = newPerson();

        provisioning().addMember(new MembershipChange(group, person));

        assertThat(Pages.flat(connector()::memberships)).contains(new DirectoryMembership(group, person));
    }

    @Test
    void removingAMemberEndsTheirMembershipInTheDirectory() {
        var group = directory().createGroup(uniqueName("remove"), null);
        var person = newPerson();
        var other = newPerson();
        directory().addMember(group, person);
        directory().addMember(group, other);

        assertThat(provisioning().removeMember(new MembershipChange(group, person)))
                .isEqualTo(RemoveOutcome.REMOVED);

        assertThat(directory().members(group)).doesNotContain(person).contains(other);
    }

    @Test
    void removingAMemberTwiceFindsThemNotAMember() {
        var group = directory().createGroup(uniqueName("again"), null);
        var person = newPerson();
        var other = newPerson();
        directory().addMember(group, person);
        directory().addMember(group, other);
        provisioning().removeMember(new MembershipChange(group, person));

        assertThat(provisioning().removeMember(new MembershipChange(group, person)))
                .isEqualTo(RemoveOutcome.NOT_A_MEMBER);

        assertThat(directory().members(group)).doesNotContain(person).contains(other);
    }

    @Test
    void removingSomeoneWhoNeverWasAMemberFindsThemNotAMember() {
        var group = directory().createGroup(uniqueName("never"), null);
        var member = newPerson();
        directory().addMember(group, member);

        assertThat(provisioning().removeMember(new MembershipChange(group, newPerson())))
                .isEqualTo(RemoveOutcome.NOT_A_MEMBER);

        assertThat(directory().members(group)).contains(member);
    }

    @Test
    void removingTheLastMemberLeavesAGroupWithoutMembershipsThatCanBeJoinedAgain() {
        var group = directory().createGroup(uniqueName("last"), null);
        var person = newPerson();
        directory().addMember(group, person);

        assertThat(provisioning().removeMember(new MembershipChange(group, person)))
                .isEqualTo(RemoveOutcome.REMOVED);
        assertThat(directory().members(group)).doesNotContain(person);
        assertThat(Pages.flat(connector()::memberships)).noneMatch(m -> m.groupId().equals(group));
        assertThat(provisioning().removeMember(new MembershipChange(group, person)))
                .isEqualTo(RemoveOutcome.NOT_A_MEMBER);

        assertThat(provisioning().addMember(new MembershipChange(group, person))).isEqualTo(AddOutcome.ADDED);
        assertThat(directory().members(group)).contains(person);
        assertThat(Pages.flat(connector()::memberships))
                .filteredOn(m -> m.groupId().equals(group))
                .containsExactly(new DirectoryMembership(group, person));
    }

    @Test
    void aBatchOfAddsAddsEachPersonAndTellsWhoWasAMemberAlready() {
        var group = directory().createGroup(uniqueName("batch-add"), null);
        var already = newPerson();
        var fresh = List.of(newPerson(), newPerson(), newPerson());
        directory().addMember(group, already);
        var unknown = directory().unknownPersonId();
        var changes = List.of(new MembershipChange(group, fresh.get(0)), new MembershipChange(group, already),
                new MembershipChange(group, unknown), new MembershipChange(group, fresh.get(1)),
                new MembershipChange(group, fresh.get(2)));

        List<ChangeResult<AddOutcome>> results = provisioning().addMembers(changes);

        assertThat(results).hasSize(5);
        assertThat(List.of(results.get(0), results.get(1), results.get(3), results.get(4))).containsExactly(
                new ChangeResult.Applied<>(AddOutcome.ADDED), new ChangeResult.Applied<>(AddOutcome.ALREADY_MEMBER),
                new ChangeResult.Applied<>(AddOutcome.ADDED), new ChangeResult.Applied<>(AddOutcome.ADDED));
        assertThat(results.get(2)).isInstanceOfSatisfying(ChangeResult.Failed.class,
                failed -> assertThat(failed.error()).isInstanceOf(UnknownPersonException.class));
        assertThat(directory().members(group)).containsAll(fresh).contains(already).doesNotContain(unknown);
        assertThat(Collections.frequency(directory().members(group), already)).isOne();
    }

    @Test
    void aBatchOfRemovesRemovesEachMemberAndTellsWhoWasNotOne() {
        var group = directory().createGroup(uniqueName("batch-remove"), null);
        var members = List.of(newPerson(), newPerson(), newPerson());
        var stranger = newPerson();
        members.forEach(member -> directory().addMember(group, member));
        var changes = List.of(new MembershipChange(group, members.get(0)), new MembershipChange(group, stranger),
                new MembershipChange(group, members.get(1)), new MembershipChange(group, members.get(2)));

        assertThat(provisioning().removeMembers(changes)).containsExactly(
                new ChangeResult.Applied<>(RemoveOutcome.REMOVED), new ChangeResult.Applied<>(RemoveOutcome.NOT_A_MEMBER),
                new ChangeResult.Applied<>(RemoveOutcome.REMOVED), new ChangeResult.Applied<>(RemoveOutcome.REMOVED));

        assertThat(directory().members(group)).doesNotContainAnyElementsOf(members);
        assertThat(Pages.flat(connector()::memberships)).noneMatch(m -> m.groupId().equals(group));
        assertThat(provisioning().addMembers(List.of(new MembershipChange(group, stranger))))
                .containsExactly(new ChangeResult.Applied<>(AddOutcome.ADDED));
        assertThat(directory().members(group)).contains(stranger);
    }

    @Test
    void addingToAnUnknownGroupIsRefusedAsAnUnknownGroup() {
        var provisioning = provisioning();
        var change = new MembershipChange(directory().unknownGroupId(), newPerson());

        assertThatThrownBy(() -> provisioning.addMember(change))
                .isInstanceOfSatisfying(UnknownGroupException.class,
                        e -> assertThat(e.groupId()).isEqualTo(change.groupId()));
    }

    @Test
    void removingFromAnUnknownGroupIsRefusedAsAnUnknownGroup() {
        var provisioning = provisioning();
        var change = new MembershipChange(directory().unknownGroupId(), newPerson());

        assertThatThrownBy(() -> provisioning.removeMember(change))
                .isInstanceOfSatisfying(UnknownGroupException.class,
                        e -> assertThat(e.groupId()).isEqualTo(change.groupId()));
    }

    @Test
    void addingAnUnknownPersonIsRefusedAsAnUnknownPersonAndChangesNothing() {
        var group = directory().createGroup(uniqueName("ghost"), null);
        var provisioning = provisioning();
        var change = new MembershipChange(group, directory().unknownPersonId());

        assertThatThrownBy(() -> provisioning.addMember(change))
                .isInstanceOfSatisfying(UnknownPersonException.class,
                        e -> assertThat(e.personId()).isEqualTo(change.personId()));

        assertThat(directory().members(group)).doesNotContain(change.personId());
    }

    /**
     * Status is not compared: some providers create people disabled until they set a password.
     */
    @Test
    void aCreatedPersonIsListedWithTheirAttributes() {
        var manager = newPerson();
        var user = new NewUser(
                uniqueName("new") + "@example.test", "Nova", "Created", "dept-new", "Engineer", manager, "intern");

        String id = lifecycle().createUser(user);

        assertThat(Pages.flat(connector()::people))
                .filteredOn(person -> person.id().equals(id))
                .singleElement()
                .usingRecursiveComparison()
                .ignoringFields("status", "lastLoginAt")
                .isEqualTo(new DirectoryPerson(
                        id,
                        user.email(),
                        user.displayName(),
                        user.department(),
                        user.title(),
                        user.managerId(),
                        user.employeeType(),
                        PersonStatus.ACTIVE,
                        null));
    }

    @Test
    void suspendingAPersonMarksThemSuspended() {
        assumeSuspensionCanBeTested();
        var person = newPerson();

        lifecycle().suspendUser(person);

        assertThat(listedPerson(person).status()).isEqualTo(PersonStatus.SUSPENDED);
    }

    @Test
    void suspendingASuspendedPersonSucceeds() {
        assumeSuspensionCanBeTested();
        var person = newPerson();
        lifecycle().suspendUser(person);

        assertThatCode(() -> lifecycle().suspendUser(person)).doesNotThrowAnyException();

        assertThat(listedPerson(person).status()).isEqualTo(PersonStatus.SUSPENDED);
    }

    @Test
    void suspendingAnUnknownPersonIsRefusedAsAnUnknownPerson() {
        var lifecycle = lifecycle();
        String unknown = directory().unknownPersonId();

        assertThatThrownBy(() -> lifecycle.suspendUser(unknown))
                .isInstanceOfSatisfying(UnknownPersonException.class,
                        e -> assertThat(e.personId()).isEqualTo(unknown));
    }

    @Test
    void aPersonWhoNeverSignedInHasNoLastLogin() {
        var person = newPerson();

        assertThat(loginActivity().lastLogin(person)).isEmpty();
    }

    @Test
    void theLastLoginOfAnUnknownPersonIsRefusedAsAnUnknownPerson() {
        var loginActivity = loginActivity();
        String unknown = directory().unknownPersonId();

        assertThatThrownBy(() -> loginActivity.lastLogin(unknown))
                .isInstanceOfSatisfying(UnknownPersonException.class,
                        e -> assertThat(e.personId()).isEqualTo(unknown));
    }

    /** Creates an active person with every attribute set, through the directory, and answers their id. */
    protected final String newPerson() {
        String name = uniqueName("f");
        return directory().createPerson(
                new TestPerson(name + "@example.test", "Fix", "Ture", "dept-f", "Fixture", null, "employee"));
    }

    private synchronized Seed seed() {
        if (seed == null) {
            seed = Seed.plant(directory(), this::uniqueName);
        }
        return seed;
    }

    private DirectoryPerson listedPerson(String id) {
        return Pages.flat(connector()::people).stream()
                .filter(person -> person.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("people() does not list " + id));
    }

    private <T> void assertPaged(List<List<T>> pages) {
        assertThat(pages).as("more than two pages were seeded").hasSizeGreaterThan(2);
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(directory().pageSize()));
    }

    private static <T> List<String> ids(List<List<T>> pages, Function<T, String> id) {
        return pages.stream().flatMap(List::stream).map(id).toList();
    }

    private void assumeSuspensionCanBeTested() {
        Optional<String> reason = whySuspensionCannotBeTested();
        assumeTrue(reason.isEmpty(), () -> reason.orElse(""));
    }

    private MembershipProvisioning provisioning() {
        return capability(MembershipProvisioning.class);
    }

    private UserLifecycle lifecycle() {
        return capability(UserLifecycle.class);
    }

    private LoginActivity loginActivity() {
        return capability(LoginActivity.class);
    }

    /** Call outside {@code assertThatThrownBy}: the skip it throws must not count as the connector's refusal. */
    private <C> C capability(Class<C> type) {
        DirectoryConnector connector = connector();
        assumeTrue(type.isInstance(connector), () -> "the connector does not implement " + type.getSimpleName());
        return type.cast(connector);
    }
}
