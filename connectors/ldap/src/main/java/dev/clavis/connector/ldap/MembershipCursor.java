package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.clavis.connector.spi.DirectoryMembership;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Memberships in pages of at most page-size, read from pages of groups with their member values. A
 * group's members may span several membership pages and a membership page several groups; at most one
 * page of groups is held at a time (in Active Directory, at most one range of each large group).
 */
final class MembershipCursor implements PageCursor<DirectoryMembership> {

    private final ConnectionLease lease;
    private final LdapSettings settings;
    private final PagedSearch groups;
    private @Nullable MemberScope scope;
    private Iterator<SearchResultEntry> groupPage = Collections.emptyIterator();
    private @Nullable MemberValues members;
    private String groupId = "";

    MembershipCursor(ConnectionLease lease, LdapSettings settings) {
        this.lease = lease;
        this.settings = settings;
        var request = new SearchRequest(settings.groupsBase().toString(), SearchScope.SUB, settings.groupsFilter(),
                settings.flavor().memberAttributes.toArray(String[]::new));
        this.groups = new PagedSearch(lease, request, settings.pageSize());
    }

    @Override
    public @Nullable List<DirectoryMembership> next() throws LDAPException {
        if (scope == null) {
            scope = MemberScope.load(lease, settings);
        }
        var page = new ArrayList<DirectoryMembership>();
        while (page.size() < settings.pageSize()) {
            String value = members == null ? null : members.next();
            if (value != null) {
                String personId = scope.personId(value);
                if (personId != null) {
                    page.add(new DirectoryMembership(groupId, personId));
                }
            } else if (groupPage.hasNext()) {
                SearchResultEntry group = groupPage.next();
                groupId = EntryMapper.id(group);
                members = new MemberValues(group, settings.flavor().memberAttributes,
                        (dn, attribute) -> lease.connection().getEntry(dn, attribute));
            } else {
                List<SearchResultEntry> next = groups.next();
                if (next == null) {
                    break;
                }
                groupPage = next.iterator();
            }
        }
        return page.isEmpty() ? null : page;
    }

    @Override
    public void abandon() throws LDAPException {
        groups.abandon();
    }
}
