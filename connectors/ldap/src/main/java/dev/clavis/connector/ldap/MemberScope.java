package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells which member values are people, without reading each member: a person is under people-base,
 * is not the empty-group placeholder, and is not a group. Groups are told apart by one read of the
 * groups under people-base, kept as a set of ids: it is empty when people and groups live in separate
 * subtrees, and holds every group when they share one, as in Active Directory's default containers.
 * Other entries under people-base that are not people (AD contacts or computers added to groups) cannot
 * be told apart this way; a people-base that leaves them out does.
 */
final class MemberScope {

    private final DN peopleBase;
    private final DN placeholder;
    private final Set<String> groupsAmongPeople;

    private MemberScope(DN peopleBase, DN placeholder, Set<String> groupsAmongPeople) {
        this.peopleBase = peopleBase;
        this.placeholder = placeholder;
        this.groupsAmongPeople = groupsAmongPeople;
    }

    static MemberScope load(ConnectionLease lease, LdapSettings settings) throws LDAPException {
        var request = new SearchRequest(settings.peopleBase().toString(), SearchScope.SUB, settings.groupsFilter(),
                SearchRequest.NO_ATTRIBUTES);
        var groups = new PagedSearch(lease, request, settings.pageSize());
        var ids = new HashSet<String>();
        for (List<SearchResultEntry> page = groups.next(); page != null; page = groups.next()) {
            page.forEach(group -> ids.add(EntryMapper.id(group)));
        }
        return new MemberScope(settings.peopleBase(), settings.emptyGroupMember(), ids);
    }

    /** The person id a member value names, or null when it names something else or is not a DN. */
    @Nullable String personId(String memberValue) {
        DN dn;
        try {
            dn = new DN(memberValue);
        } catch (LDAPException e) {
            return null;
        }
        if (!dn.isDescendantOf(peopleBase, true) || dn.equals(placeholder)) {
            return null;
        }
        String id = dn.toNormalizedString();
        return groupsAmongPeople.contains(id) ? null : id;
    }
}
