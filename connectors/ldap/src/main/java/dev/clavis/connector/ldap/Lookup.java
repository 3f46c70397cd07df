package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.clavis.connector.spi.UnknownGroupException;
import dev.clavis.connector.spi.UnknownPersonException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads one person or group by id. An id that is not a DN, names no entry, or names an entry that the
 * people or groups filter does not select is unknown: a group id must not reach a person, nor the
 * reverse.
 */
final class Lookup {

    private final LDAPInterface directory;
    private final LdapSettings settings;
    private final Failures failures;

    Lookup(LDAPInterface directory, LdapSettings settings, Failures failures) {
        this.directory = directory;
        this.settings = settings;
        this.failures = failures;
    }

    /**
     * @throws UnknownPersonException when no person has this id
     */
    SearchResultEntry person(String personId, String... attributes) {
        SearchResultEntry entry = read(personId, settings.peopleFilter(), attributes, UnknownPersonException::new);
        if (entry == null) {
            throw new UnknownPersonException(personId);
        }
        return entry;
    }

    /**
     * @throws UnknownGroupException when no group has this id
     */
    SearchResultEntry group(String groupId, String... attributes) {
        SearchResultEntry entry = read(groupId, settings.groupsFilter(), attributes, UnknownGroupException::new);
        if (entry == null) {
            throw new UnknownGroupException(groupId);
        }
        return entry;
    }

    private @Nullable SearchResultEntry read(
            String id, Filter filter, String[] attributes, Function<String, RuntimeException> unknown) {
        DN dn;
        try {
            dn = new DN(id);
        } catch (LDAPException e) {
            throw unknown.apply(id);
        }
        try {
            return directory.searchForEntry(new SearchRequest(dn.toString(), SearchScope.BASE, filter, attributes));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw unknown.apply(id);
            }
            throw failures.classify(e, "read " + id);
        }
    }
}
