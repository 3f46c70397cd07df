package dev.clavis.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapSettingsTest {

    private static final Map<String, String> MINIMAL = Map.of(
            "url", "ldap://ldap.acme.test",
            "bind-dn", "cn=clavis,dc=acme,dc=test",
            "password", "hunter2",
            "base-dn", "dc=acme,dc=test");

    @Test
    void theFactoryIsFoundAsTypeLdap() {
        assertThat(DirectoryConnectors.forType("ldap")).containsInstanceOf(LdapConnectorFactory.class);
    }

    @Test
    void openLdapDefaultsApplyWhenOnlyTheRequiredSettingsAreGiven() {
        LdapSettings settings = read(MINIMAL);

        assertThat(settings.flavor()).isEqualTo(Flavor.OPENLDAP);
        assertThat(settings.urls()).singleElement().satisfies(url -> assertThat(url.getPort()).isEqualTo(389));
        assertThat(settings.peopleBase()).hasToString("dc=acme,dc=test");
        assertThat(settings.newUserBase()).hasToString("dc=acme,dc=test");
        assertThat(settings.emptyGroupMember()).hasToString("cn=empty-membership-placeholder,dc=acme,dc=test");
        assertThat(settings.peopleFilter()).hasToString("(objectClass=inetOrgPerson)");
        assertThat(settings.attributes()).isEqualTo(new AttributeNames(
                "mail", "cn", "departmentNumber", "title", "manager", "employeeType", "cn", "authTimestamp"));
        assertThat(settings.pageSize()).isEqualTo(500);
        assertThat(settings.poolSize()).isEqualTo(10);
    }

    @Test
    void activeDirectoryHasItsOwnFiltersAndAttributes() {
        var given = new HashMap<>(MINIMAL);
        given.put("flavor", "active-directory");
        given.put("url", "ldaps://dc1.acme.test ldaps://dc2.acme.test:3269");

        LdapSettings settings = read(given);

        assertThat(settings.peopleFilter()).hasToString("(&(objectCategory=person)(objectClass=user))");
        assertThat(settings.groupsFilter()).hasToString("(objectClass=group)");
        assertThat(settings.attributes().displayName()).isEqualTo("displayName");
        assertThat(settings.attributes().department()).isEqualTo("department");
        assertThat(settings.attributes().lastLogin()).isEqualTo("lastLogonTimestamp");
        assertThat(settings.urls()).extracting(url -> url.getPort()).containsExactly(636, 3269);
    }

    @Test
    void everyBadSettingIsNamedAtOnce() {
        var given = new HashMap<>(MINIMAL);
        given.put("url", "http://ldap.acme.test");
        given.put("flavor", "novell");
        given.put("people-filter", "objectClass=person(");
        given.put("page-size", "0");
        given.put("people-base", "ou=people,dc=acme,dc=test");
        given.put("new-user-base", "ou=elsewhere,dc=acme,dc=test");
        given.put("trust-store", "/nonexistent/truststore.p12");

        assertThatThrownBy(() -> read(given))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).hasSize(6)
                        .anySatisfy(p -> assertThat(p).startsWith("'url' must be ldap://host[:port] or ldaps://"))
                        .anySatisfy(p -> assertThat(p).startsWith("'flavor' must be openldap or active-directory"))
                        .anySatisfy(p -> assertThat(p).startsWith("'people-filter' is not an LDAP filter"))
                        .anySatisfy(p -> assertThat(p).startsWith("'page-size' must be at least 1"))
                        .anySatisfy(p -> assertThat(p).startsWith("'new-user-base' must be people-base or under it"))
                        .anySatisfy(p -> assertThat(p).startsWith("'trust-store' /nonexistent/truststore.p12")));
    }

    @Test
    void startTlsOnAnLdapsUrlIsRefused() {
        var given = new HashMap<>(MINIMAL);
        given.put("url", "ldaps://ldap.acme.test");
        given.put("start-tls", "true");

        assertThatThrownBy(() -> read(given)).hasMessageContaining("'start-tls' cannot be used with ldaps://");
    }

    @Test
    void thePasswordNeverAppearsInTheTextOfTheSettingsOrTheConnector() {
        LdapSettings settings = read(MINIMAL);

        assertThat(settings.toString()).doesNotContain("hunter2");
        try (var connector = new LdapConnector(settings)) {
            assertThat(connector.toString()).doesNotContain("hunter2");
        }
    }

    private static LdapSettings read(Map<String, String> given) {
        return LdapSettings.from(ConnectorSettings.of("ldap", LdapSettingsSchema.SCHEMA, given));
    }
}
