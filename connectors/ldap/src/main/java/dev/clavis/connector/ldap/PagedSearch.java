package dev.clavis.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A search read with the simple paged results control (RFC 2696). The control is critical, so a server
 * that cannot page refuses instead of sending everything at once.
 */
final class PagedSearch implements PageCursor<SearchResultEntry> {

    private final ConnectionLease lease;
    private final SearchRequest request;
    private final int pageSize;
    /** Null before the first page; empty once the server said there is no more. */
    private @Nullable ASN1OctetString cookie;

    PagedSearch(ConnectionLease lease, SearchRequest request, int pageSize) {
        this.lease = lease;
        this.request = request;
        this.pageSize = pageSize;
    }

    /** The next page with entries; servers may send an empty last page, which is skipped. */
    @Override
    public @Nullable List<SearchResultEntry> next() throws LDAPException {
        while (cookie == null || cookie.getValueLength() > 0) {
            SearchResult result = fetch(pageSize);
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            cookie = response == null ? new ASN1OctetString() : response.getCookie();
            if (result.getEntryCount() > 0) {
                return result.getSearchEntries();
            }
        }
        return null;
    }

    /** Sends a page size of zero with the cookie, which ends the paged search on the server (RFC 2696). */
    @Override
    public void abandon() throws LDAPException {
        if (cookie != null && cookie.getValueLength() > 0) {
            fetch(0);
            cookie = new ASN1OctetString();
        }
    }

    private SearchResult fetch(int size) throws LDAPException {
        SearchRequest page = request.duplicate();
        page.setControls(new SimplePagedResultsControl(size, cookie, true));
        return lease.connection().search(page);
    }
}
