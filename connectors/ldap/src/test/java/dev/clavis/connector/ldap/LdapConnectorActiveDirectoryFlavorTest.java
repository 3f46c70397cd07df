package dev.clavis.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract with the active-directory flavor, against an in-memory directory given the few Active
 * Directory attributes and classes the connector uses. It checks the flavor's own paths (user entries,
 * userAccountControl, FILETIME, compare before a permissive modify, groups that may be empty); ranged
 * member retrieval is AD server behaviour and is checked in {@link MemberValuesTest}.
 */
class LdapConnectorActiveDirectoryFlavorTest extends DirectoryConnectorContract {

    private InMemoryAcme acme;
    private LdapConnector connector;
    private LdapTestDirectory directory;

    @BeforeAll
    void startDirectory() throws Exception {
        acme = InMemoryAcme.activeDirectory();
        var settings = Acme.settings(acme.url());
        settings.put("flavor", "active-directory");
        // objectCategory=person is AD's own shorthand for a DN-valued attribute; the in-memory server has no such thing.
        settings.put("people-filter", "(objectClass=user)");
        connector = (LdapConnector) Acme.connector(settings);
        directory = LdapTestDirectory.activeDirectory(acme.admin());
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
    void suspendingSetsTheAccountDisableBitAndKeepsTheOthers() throws Exception {
        String person = newPerson();
        acme.admin().modify(person, new Modification(ModificationType.REPLACE, "userAccountControl", "66048"));

        connector.suspendUser(person);

        assertThat(acme.admin().getEntry(person, "userAccountControl").getAttributeValue("userAccountControl"))
                .isEqualTo(Integer.toString(66048 | 2));
    }

    @Test
    void aCreatedPersonIsADisabledNormalAccountWithAnAccountNameAndPrincipalName() throws Exception {
        String account = uniqueName("ad");

        String id = connector.createUser(
                new NewUser(account + "@acme.test", "Ada", "Directory", "Sales", null, null, null));

        var entry = acme.admin().getEntry(id);
        assertThat(entry.getParsedDN()).hasToString("cn=" + account + "," + Acme.PEOPLE);
        assertThat(entry.getAttributeValue("sAMAccountName")).isEqualTo(account);
        assertThat(entry.getAttributeValue("userPrincipalName")).isEqualTo(account + "@acme.test");
        assertThat(entry.getAttributeValue("userAccountControl")).isEqualTo("514");
        assertThat(entry.getAttributeValue("department")).isEqualTo("Sales");
    }

    @Test
    void theLastLoginIsTheLastLogonTimestampReadAsAWindowsFileTime() throws Exception {
        String person = newPerson();
        acme.admin().modify(person,
                new Modification(ModificationType.REPLACE, "lastLogonTimestamp", "133865120130000000"));

        assertThat(connector.lastLogin(person)).contains(Instant.parse("2025-03-15T11:33:33Z"));
    }
}
