package dev.clavis.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract, and what only a real OpenLDAP shows, against Debian's slapd started for this class.
 * The connector binds as a service account with write access, as in production; the test directory
 * works as the root DN.
 */
class LdapConnectorSlapdIT extends DirectoryConnectorContract {

    private static final String NOT_INSTALLED = "slapd not installed: apt-get install slapd";
    private static final String PERSON_PASSWORD = "person-secret";

    private Path dir;
    private Slapd slapd;
    private LDAPConnection admin;
    private LdapConnector connector;
    private LdapTestDirectory directory;

    @BeforeAll
    void startSlapd() throws Exception {
        if (!Files.isExecutable(Slapd.BINARY)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(NOT_INSTALLED);
            }
            assumeTrue(false, NOT_INSTALLED);
        }
        dir = Files.createTempDirectory("clavis-slapd");
        slapd = Slapd.start(dir);
        admin = slapd.connect(Acme.ADMIN, Acme.ADMIN_PASSWORD);
        Acme.createLayout(admin);
        admin.add("dn: ou=services," + Acme.BASE, "objectClass: organizationalUnit", "ou: services");
        admin.add("dn: " + Acme.SERVICE, "objectClass: organizationalRole", "objectClass: simpleSecurityObject",
                "cn: clavis", "userPassword: " + Acme.SERVICE_PASSWORD);
        if (Slapd.hasModule("ppolicy")) {
            admin.add("dn: " + Slapd.DEFAULT_POLICY, "objectClass: organizationalRole", "objectClass: pwdPolicy",
                    "cn: default-policy", "pwdAttribute: userPassword", "pwdLockout: TRUE");
        }
        var settings = Acme.settings(slapd.url());
        settings.put("bind-dn", Acme.SERVICE);
        settings.put("password", Acme.SERVICE_PASSWORD);
        connector = (LdapConnector) Acme.connector(settings);
        directory = LdapTestDirectory.openLdap(admin);
    }

    @AfterAll
    void stopSlapd() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (slapd != null) {
            slapd.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return directory;
    }

    @Override
    protected Optional<String> whySuspensionCannotBeTested() {
        return Slapd.hasModule("ppolicy")
                ? Optional.empty()
                : Optional.of("slapd's ppolicy module, which defines pwdAccountLockedTime, is not installed");
    }

    @Test
    void aSuspendedPersonCanNoLongerSignIn() throws Exception {
        assumeTrue(whySuspensionCannotBeTested().isEmpty(), () -> whySuspensionCannotBeTested().orElseThrow());
        String person = personWithPassword();
        assertThatCode(() -> slapd.connect(person, PERSON_PASSWORD).close()).doesNotThrowAnyException();

        connector.suspendUser(person);

        assertThatThrownBy(() -> slapd.connect(person, PERSON_PASSWORD).close())
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
    }

    @Test
    void signingInRecordsTheLastLogin() throws Exception {
        assumeTrue(Slapd.hasModule("lastbind"), "slapd's lastbind module is not installed");
        String person = personWithPassword();
        assertThat(connector.lastLogin(person)).isEmpty();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        slapd.connect(person, PERSON_PASSWORD).close();

        assertThat(connector.lastLogin(person)).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(before));
    }

    @Test
    void aGroupOfUniqueNamesListsItsMembersWithoutTheirUidSuffix() throws Exception {
        String withUid = newPerson();
        String plain = newPerson();
        String group = Acme.id("cn=" + uniqueName("unique") + "," + Acme.GROUPS);
        admin.add("dn: " + group, "objectClass: groupOfUniqueNames", "uniqueMember: " + withUid + "#'0101'B",
                "uniqueMember: " + plain);

        try (Stream<List<DirectoryMembership>> memberships = connector.memberships()) {
            assertThat(memberships.flatMap(List::stream).filter(m -> m.groupId().equals(group)))
                    .containsExactlyInAnyOrder(new DirectoryMembership(group, withUid),
                            new DirectoryMembership(group, plain));
        }
    }

    @Test
    void membersOfAGroupOfUniqueNamesAreAddedAndRemovedAsUniqueMembers() throws Exception {
        String person = newPerson();
        String group = Acme.id("cn=" + uniqueName("unique") + "," + Acme.GROUPS);
        admin.add("dn: " + group, "objectClass: groupOfUniqueNames", "uniqueMember: " + Acme.PLACEHOLDER);
        var change = new MembershipChange(group, person);

        assertThat(connector.addMember(change)).isEqualTo(AddOutcome.ADDED);
        assertThat(uniqueMembers(group)).containsExactly(person);
        assertThat(connector.addMember(change)).isEqualTo(AddOutcome.ALREADY_MEMBER);

        assertThat(connector.removeMember(change)).isEqualTo(RemoveOutcome.REMOVED);
        assertThat(uniqueMembers(group)).containsExactly(Acme.id(Acme.PLACEHOLDER));
        assertThat(connector.removeMember(change)).isEqualTo(RemoveOutcome.NOT_A_MEMBER);
    }

    @Test
    void removingTheLastMemberLeavesThePlaceholderWhichTheNextMemberReplaces() throws Exception {
        String last = newPerson();
        String next = newPerson();
        String group = Acme.id("cn=" + uniqueName("last") + "," + Acme.GROUPS);
        admin.add("dn: " + group, "objectClass: groupOfNames", "member: " + last);

        assertThat(connector.removeMember(new MembershipChange(group, last))).isEqualTo(RemoveOutcome.REMOVED);
        assertThat(directory.members(group)).containsExactly(Acme.id(Acme.PLACEHOLDER));

        assertThat(connector.addMember(new MembershipChange(group, next))).isEqualTo(AddOutcome.ADDED);
        assertThat(directory.members(group)).containsExactly(next);
    }

    private String personWithPassword() throws LDAPException {
        String person = newPerson();
        admin.modify(person, new Modification(ModificationType.REPLACE, "userPassword", PERSON_PASSWORD));
        return person;
    }

    private List<String> uniqueMembers(String group) throws LDAPException {
        return List.of(admin.getEntry(group, "uniqueMember").getAttributeValues("uniqueMember")).stream()
                .map(Acme::id)
                .toList();
    }
}
