package dev.clavis.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.clavis.connector.spi.ChangeResult;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract, and what is particular to LDAP, against an in-memory directory shaped like OpenLDAP. */
class LdapConnectorEmbeddedTest extends DirectoryConnectorContract {

    private InMemoryAcme acme;
    private LdapConnector connector;
    private LdapTestDirectory directory;

    @BeforeAll
    void startDirectory() throws Exception {
        acme = InMemoryAcme.openLdap();
        connector = (LdapConnector) Acme.connector(Acme.settings(acme.url()));
        directory = LdapTestDirectory.openLdap(acme.admin());
    }

    @AfterAll
    void stopDirectory() {
        connector.close();
        acme.close();
    }

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return directory;
    }

    @Test
    void takingTheFirstPageAsksTheDirectoryForOnePageOnly() {
        for (int i = 0; i < Acme.PAGE_SIZE + 1; i++) {
            newPerson();
        }
        long before = acme.searches();

        try (Stream<List<DirectoryPerson>> people = connector.people()) {
            assertThat(acme.searches()).as("no search before a page is asked for").isEqualTo(before);
            assertThat(people.iterator().next()).hasSize(Acme.PAGE_SIZE);
            assertThat(acme.searches()).isEqualTo(before + 1);
        }
    }

    @Test
    void aBatchOfFiftyAddsToOneGroupIsOneModifyAndTellsTheThreeWhoWereMembersAlready() {
        String group = directory.createGroup(uniqueName("batch50"), null);
        List<String> people = Stream.generate(this::newPerson).limit(50).toList();
        List<String> already = List.of(people.get(4), people.get(17), people.get(42));
        already.forEach(person -> directory.addMember(group, person));
        long modifiesBefore = acme.modifies();

        List<ChangeResult<AddOutcome>> results = connector.addMembers(
                people.stream().map(person -> new MembershipChange(group, person)).toList());

        assertThat(acme.modifies() - modifiesBefore).as("modify requests the directory saw").isOne();
        assertThat(directory.members(group)).containsAll(people);
        for (int i = 0; i < people.size(); i++) {
            assertThat(results.get(i)).as(people.get(i)).isEqualTo(new ChangeResult.Applied<>(
                    already.contains(people.get(i)) ? AddOutcome.ALREADY_MEMBER : AddOutcome.ADDED));
        }
    }

    @Test
    void aBatchThatRemovesEveryMemberLeavesThePlaceholderInOneModify() {
        String group = directory.createGroup(uniqueName("batch-empty"), null);
        List<String> people = Stream.generate(this::newPerson).limit(5).toList();
        people.forEach(person -> directory.addMember(group, person));

        List<ChangeResult<RemoveOutcome>> results = connector.removeMembers(
                people.stream().map(person -> new MembershipChange(group, person)).toList());

        assertThat(results).containsOnly(new ChangeResult.Applied<>(RemoveOutcome.REMOVED));
        assertThat(directory.members(group)).containsExactly(Acme.id(Acme.PLACEHOLDER));
    }

    @Test
    void suspendingLocksTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        String person = newPerson();

        connector.suspendUser(person);

        assertThat(acme.admin().getEntry(person, "pwdAccountLockedTime").getAttributeValue("pwdAccountLockedTime"))
                .isEqualTo("000001010000Z");
    }

    @Test
    void suspendingATemporarilyLockedPersonLocksThemForever() throws Exception {
        String person = newPerson();
        acme.admin().modify(person,
                new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "20250101000000Z"));

        connector.suspendUser(person);

        assertThat(acme.admin().getEntry(person, "pwdAccountLockedTime").getAttributeValue("pwdAccountLockedTime"))
                .isEqualTo("000001010000Z");
    }

    @Test
    void theLastLoginIsTheAuthenticationTimeTheDirectoryRecorded() throws Exception {
        String person = newPerson();
        acme.admin().modify(person, new Modification(ModificationType.REPLACE, "authTimestamp", "20250314092653Z"));

        assertThat(connector.lastLogin(person)).contains(Instant.parse("2025-03-14T09:26:53Z"));
        try (Stream<List<DirectoryPerson>> people = connector.people()) {
            assertThat(people.flatMap(List::stream).filter(p -> p.id().equals(person)))
                    .singleElement()
                    .extracting(DirectoryPerson::lastLoginAt)
                    .isEqualTo(Instant.parse("2025-03-14T09:26:53Z"));
        }
    }

    @Test
    void creatingAPersonPutsAnInetOrgPersonNamedByTheEmailUnderNewUserBase() throws Exception {
        String account = uniqueName("c");

        String id = connector.createUser(
                new NewUser(account + "@example.test", "Cleo", "Create", null, null, null, null));

        assertThat(id).isEqualTo(Acme.id("uid=" + account + "," + Acme.PEOPLE));
        assertThat(acme.admin().getEntry(id).getObjectClassValues()).contains("inetOrgPerson");
    }

    @Test
    void creatingTheSamePersonAgainAnswersTheirId() {
        var user = new NewUser(uniqueName("c") + "@example.test", "Cleo", "Again", null, null, null, null);
        String first = connector.createUser(user);

        assertThat(connector.createUser(user)).isEqualTo(first);
    }

    @Test
    void creatingAPersonWithAnEmailSomeoneElseHasIsRefused() throws Exception {
        String email = uniqueName("taken") + "@example.test";
        acme.admin().add("dn: uid=" + uniqueName("holder") + "," + Acme.PEOPLE, "objectClass: inetOrgPerson",
                "cn: Holder", "sn: Holder", "mail: " + email);

        assertThatThrownBy(() -> connector.createUser(new NewUser(email, "Dup", "Licate", null, null, null, null)))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("already has that email");
    }

    @Test
    void creatingAPersonWhoseAccountNameSomeoneElseHasIsRefused() throws Exception {
        String account = uniqueName("name");
        acme.admin().add("dn: uid=" + account + "," + Acme.PEOPLE, "objectClass: inetOrgPerson", "cn: Holder",
                "sn: Holder", "mail: " + uniqueName("other") + "@example.test");

        assertThatThrownBy(() -> connector.createUser(
                        new NewUser(account + "@example.test", "Dup", "Licate", null, null, null, null)))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("already exists with another email");
    }

    @Test
    void aGroupNestedInAGroupIsNotAMembershipWhenPeopleAndGroupsShareABase() throws Exception {
        var settings = Acme.settings(acme.url());
        settings.remove("people-base");
        settings.remove("groups-base");
        String outer = directory.createGroup(uniqueName("outer"), null);
        String inner = directory.createGroup(uniqueName("inner"), null);
        String person = newPerson();
        directory.addMember(outer, inner);
        directory.addMember(outer, person);

        try (DirectoryConnector shared = Acme.connector(settings);
                Stream<List<DirectoryMembership>> memberships = shared.memberships()) {
            assertThat(memberships.flatMap(List::stream).filter(m -> m.groupId().equals(outer)))
                    .containsExactly(new DirectoryMembership(outer, person));
        }
    }

    @Test
    void verifyingWithAWrongPasswordNamesTheBindDnAndNotThePassword() {
        var settings = Acme.settings(acme.url());
        settings.put("password", "wrong-horse-battery");

        try (DirectoryConnector wrong = Acme.connector(settings)) {
            assertThatThrownBy(wrong::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageStartingWith("the directory refused the bind as " + Acme.ADMIN
                            + ": check CLAVIS_LDAP_BIND_DN and CLAVIS_LDAP_PASSWORD")
                    .message().doesNotContain("wrong-horse-battery");
        }
    }

    @Test
    void verifyingNamesABaseThatDoesNotExist() {
        var settings = Acme.settings(acme.url());
        settings.put("groups-base", "ou=nowhere," + Acme.BASE);

        try (DirectoryConnector misplaced = Acme.connector(settings)) {
            assertThatThrownBy(misplaced::verify)
                    .isInstanceOf(PermanentConnectorException.class)
                    .hasMessageContaining("groups-base ou=nowhere," + Acme.BASE + " does not exist");
        }
    }

    @Test
    void anUnreachableDirectoryIsATransientFailure() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        try (DirectoryConnector unreachable = Acme.connector(Acme.settings("ldap://127.0.0.1:" + closedPort))) {
            assertThatThrownBy(unreachable::verify).isInstanceOf(TransientConnectorException.class);
            try (Stream<List<DirectoryPerson>> people = unreachable.people()) {
                assertThatThrownBy(() -> people.findFirst()).isInstanceOf(TransientConnectorException.class);
            }
        }
    }
}
