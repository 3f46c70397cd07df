package dev.clavis.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedDirectoryTest {

    private static final String PASSWORD = "admin-secret";
    private static final String SAM = DirectoryLayout.personDn("sam.taylor");

    private static EmbeddedDirectory directory;

    @BeforeAll
    static void start() {
        directory = EmbeddedDirectory.start(EmbeddedDirectoryOptions.inMemory(PASSWORD));
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @Test
    void theDemoOrganisationIsServedOverLdapOnTheLoopbackAddress() throws LDAPException {
        assertThat(directory.port()).isPositive();
        assertThat(directory.url()).isEqualTo("ldap://127.0.0.1:" + directory.port());

        try (LDAPConnection connection = directory.connectAsAdmin()) {
            var people = connection.search(DirectoryLayout.PEOPLE_DN, SearchScope.ONE, "(objectClass=inetOrgPerson)", "uid");
            var github = connection.search(DirectoryLayout.GROUPS_DN, SearchScope.ONE, "(cn=github-*)", "member");

            assertThat(people.getEntryCount()).isEqualTo(DemoOrganization.acme().people().size());
            assertThat(github.getSearchEntries()).extracting(e -> e.getDN())
                    .containsExactlyInAnyOrder(DirectoryLayout.groupDn("github-members"), DirectoryLayout.groupDn("github-admins"));
            assertThat(connection.getEntry(DirectoryLayout.groupDn("github-members")).getAttributeValues("member"))
                    .contains(SAM);
        }
    }

    @Test
    void aPersonCarriesTheAttributesTheConnectorReads() throws LDAPException {
        try (LDAPConnection connection = directory.connectAsAdmin()) {
            var sam = connection.getEntry(SAM, "*", "+");

            assertThat(sam.getAttributeValue("mail")).isEqualTo(DemoOrganization.ENGINEER);
            assertThat(sam.getAttributeValue("displayName")).isEqualTo("Sam Taylor");
            assertThat(sam.getAttributeValue("departmentNumber")).isEqualTo("Engineering");
            assertThat(sam.getAttributeValue("manager")).isEqualTo(DirectoryLayout.personDn("maria.lopez"));
            assertThat(sam.getAttributeValue("employeeType")).isEqualTo("employee");
            assertThat(sam.getAttributeValue("authTimestamp")).matches("\\d{14}Z");
            assertThat(sam.getAttributeValue("entryUUID")).isNotBlank();
            assertThat(sam.getAttributeValue("userPassword")).startsWith("{SSHA256}");
            var jordan = connection.getEntry(DirectoryLayout.personDn("jordan.reed"), "pwdAccountLockedTime");
            assertThat(jordan.getAttributeValue("pwdAccountLockedTime")).matches("\\d{14}Z");
        }
    }

    @Test
    void operationalAttributesAreReturnedOnlyWhenAskedFor() throws LDAPException {
        try (LDAPConnection connection = directory.connectAsAdmin()) {
            var jordan = connection.getEntry(DirectoryLayout.personDn("jordan.reed"));

            assertThat(jordan.hasAttribute("pwdAccountLockedTime")).isFalse();
            assertThat(jordan.hasAttribute("authTimestamp")).isFalse();
        }
    }

    @Test
    void aPersonCanBindWithTheDemoPasswordAndReadButNotWrite() throws LDAPException {
        try (var connection = new LDAPConnection("127.0.0.1", directory.port(), SAM, DemoOrganization.DEMO_PASSWORD)) {
            assertThat(connection.getEntry(DirectoryLayout.groupDn("github-admins"))).isNotNull();

            assertThatThrownBy(() -> connection.modify(DirectoryLayout.groupDn("github-admins"),
                    new Modification(ModificationType.ADD, "member", SAM)))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
        try (LDAPConnection admin = directory.connectAsAdmin()) {
            assertThat(admin.getEntry(DirectoryLayout.groupDn("github-admins")).getAttributeValues("member"))
                    .doesNotContain(SAM);
        }
    }

    @Test
    void aConnectionThatRebindsFromAPersonToTheAdministratorMayWrite() throws LDAPException {
        String description = DirectoryLayout.groupDn("security-team");
        try (var connection = new LDAPConnection("127.0.0.1", directory.port(), SAM, DemoOrganization.DEMO_PASSWORD)) {
            connection.bind(DirectoryLayout.ADMIN_DN, PASSWORD);

            connection.modify(description, new Modification(ModificationType.REPLACE, "description", "Security engineering"));

            connection.bind(SAM, DemoOrganization.DEMO_PASSWORD);
            assertThatThrownBy(() -> connection.modify(description,
                    new Modification(ModificationType.REPLACE, "description", "changed by sam")))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
            assertThat(connection.getEntry(description).getAttributeValue("description")).isEqualTo("Security engineering");
        }
    }

    @Test
    void anonymousClientsCannotWrite() throws LDAPException {
        try (var anonymous = new LDAPConnection("127.0.0.1", directory.port())) {
            assertThatThrownBy(() -> anonymous.modify(DirectoryLayout.groupDn("github-admins"),
                    new Modification(ModificationType.ADD, "member", SAM)))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
    }

    @Test
    void anonymousClientsCannotSearch() throws LDAPException {
        try (var anonymous = new LDAPConnection("127.0.0.1", directory.port())) {
            assertThatThrownBy(() -> anonymous.search(DirectoryLayout.BASE_DN, SearchScope.SUB, Filter.create("(uid=*)")))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
    }

    @Test
    void aWrongAdminPasswordIsRefused() {
        assertThatThrownBy(() -> new LDAPConnection("127.0.0.1", directory.port(), DirectoryLayout.ADMIN_DN, "wrong"))
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
    }

    @Test
    void schemaCheckingRefusesAnAttributeAPersonCannotHave() throws LDAPException {
        try (LDAPConnection connection = directory.connectAsAdmin()) {
            assertThatThrownBy(() -> connection.modify(SAM, new Modification(ModificationType.ADD, "member", SAM)))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.OBJECT_CLASS_VIOLATION));
        }
    }

    @Test
    void addingAMemberTwiceIsResultTwentyAsOnOpenLdap() throws LDAPException {
        try (LDAPConnection connection = directory.connectAsAdmin()) {
            String github = DirectoryLayout.groupDn("github-members");

            assertThatThrownBy(() -> connection.modify(github, new Modification(ModificationType.ADD, "member", SAM)))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.ATTRIBUTE_OR_VALUE_EXISTS));
        }
    }

    @Test
    void aTakenPortIsReportedWithWhatToDo() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedDirectory.start(
                    EmbeddedDirectoryOptions.inMemory(PASSWORD).withPort(taken.getLocalPort()).withSeed(DirectorySeed.empty())))
                    .isInstanceOf(EmbeddedDirectoryException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("CLAVIS_EMBEDDED_LDAP_PORT");
        }
    }

    @Test
    void optionsNeverPrintThePassword() {
        assertThat(EmbeddedDirectoryOptions.inMemory("hunter2").toString()).doesNotContain("hunter2");
    }
}
