package dev.clavis.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberValuesTest {

    private static final String GROUP = "cn=staff,ou=groups,dc=acme,dc=test";

    private final List<String> rangesAsked = new ArrayList<>();

    @Test
    void uniqueMembersLoseTheirUidSuffix() throws LDAPException {
        var group = new Entry(GROUP, new Attribute("uniqueMember", "uid=ann,ou=people,dc=acme,dc=test#'0101'B",
                "uid=bob,ou=people,dc=acme,dc=test"));

        assertThat(all(new MemberValues(group, List.of("member", "uniqueMember"), this::refuse)))
                .containsExactly("uid=ann,ou=people,dc=acme,dc=test", "uid=bob,ou=people,dc=acme,dc=test");
    }

    @Test
    void aLargeActiveDirectoryGroupIsReadRangeByRangeAsTheValuesAreTaken() throws LDAPException {
        var group = new Entry(GROUP, new Attribute("member;range=0-1", "cn=a", "cn=b"));
        Map<String, Attribute> later = Map.of(
                "member;range=2-*", new Attribute("member;range=2-3", "cn=c", "cn=d"),
                "member;range=4-*", new Attribute("member;range=4-*", "cn=e"));
        var values = new MemberValues(group, List.of("member"), (dn, attribute) -> {
            rangesAsked.add(attribute);
            return new Entry(dn, later.get(attribute));
        });

        assertThat(values.next()).isEqualTo("cn=a");
        assertThat(values.next()).isEqualTo("cn=b");
        assertThat(rangesAsked).isEmpty();
        assertThat(values.next()).isEqualTo("cn=c");
        assertThat(rangesAsked).containsExactly("member;range=2-*");
        assertThat(all(values)).containsExactly("cn=d", "cn=e");
        assertThat(rangesAsked).containsExactly("member;range=2-*", "member;range=4-*");
    }

    @Test
    void aGroupDeletedWhileItsRangesAreReadEndsItsValues() throws LDAPException {
        var group = new Entry(GROUP, new Attribute("member;range=0-0", "cn=a"));

        assertThat(all(new MemberValues(group, List.of("member"), (dn, attribute) -> null))).containsExactly("cn=a");
    }

    @Test
    void aGroupWithoutMembersHasNoValues() throws LDAPException {
        assertThat(all(new MemberValues(new Entry(GROUP), List.of("member", "uniqueMember"), this::refuse))).isEmpty();
    }

    private Entry refuse(String dn, String attribute) {
        throw new AssertionError("no range should be read, but " + attribute + " was");
    }

    private static List<String> all(MemberValues values) throws LDAPException {
        var all = new ArrayList<String>();
        for (String value = values.next(); value != null; value = values.next()) {
            all.add(value);
        }
        return all;
    }
}
