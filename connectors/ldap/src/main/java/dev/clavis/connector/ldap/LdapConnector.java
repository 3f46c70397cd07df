package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.clavis.connector.spi.ChangeResult;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.LoginActivity;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.connector.spi.UserLifecycle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory reached over LDAP. Ids are normalized DNs ({@link DN#toNormalizedString()}).
 *
 * <p>Each read stream checks one connection out of the pool when its first page is asked for and holds
 * it until its last page has arrived or it is closed; everything else borrows a connection per call.
 * Safe for concurrent use.
 */
public final class LdapConnector implements DirectoryConnector, MembershipProvisioning, UserLifecycle, LoginActivity {

    private final LdapSettings settings;
    private final LDAPConnectionPool pool;
    private final Failures failures;
    private final Accounts accounts;
    private final EntryMapper mapper;
    private final Lookup lookup;
    private final MembershipWriter memberships;
    private final MembershipBatches batches;

    LdapConnector(LdapSettings settings) {
        this.settings = settings;
        this.pool = ConnectionPools.open(settings);
        this.failures = new Failures(settings.bindDn());
        this.accounts = settings.flavor().accounts();
        this.mapper = new EntryMapper(settings.attributes(), accounts);
        this.lookup = new Lookup(pool, settings, failures);
        this.memberships = new MembershipWriter(pool, lookup, failures, settings);
        this.batches = new MembershipBatches(pool, lookup, failures, memberships, settings);
    }

    /**
     * Binds, checks that base-dn, people-base, groups-base and new-user-base exist and are readable, and
     * that the server can page results.
     */
    @Override
    public void verify() {
        var bases = new LinkedHashMap<String, DN>();
        bases.put("base-dn", settings.baseDn());
        bases.put("people-base", settings.peopleBase());
        bases.put("groups-base", settings.groupsBase());
        bases.put("new-user-base", settings.newUserBase());
        String action = "bind as " + settings.bindDn() + " at " + settings.urlText() + " and read the root DSE";
        try {
            RootDSE root = pool.getRootDSE();
            if (root != null && !root.supportsControl(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                throw new PermanentConnectorException("the directory at " + settings.urlText() + " does not offer"
                        + " the simple paged results control, which this connector reads with");
            }
            for (Map.Entry<String, DN> base : bases.entrySet()) {
                action = "read " + base.getKey() + " " + base.getValue();
                if (pool.getEntry(base.getValue().toString(), SearchRequest.NO_ATTRIBUTES) == null) {
                    throw new PermanentConnectorException(base.getKey() + " " + base.getValue() + " does not exist,"
                            + " or " + settings.bindDn() + " may not read it");
                }
            }
        } catch (LDAPException e) {
            throw failures.classify(e, action);
        }
    }

    @Override
    public Stream<List<DirectoryPerson>> people() {
        var request = new SearchRequest(settings.peopleBase().toString(), SearchScope.SUB, settings.peopleFilter(),
                mapper.personAttributes());
        var lease = new ConnectionLease(pool);
        return PageStreams.of(lease, new PagedSearch(lease, request, settings.pageSize()).map(mapper::person),
                failures, "read people under " + settings.peopleBase());
    }

    @Override
    public Stream<List<DirectoryGroup>> groups() {
        var request = new SearchRequest(settings.groupsBase().toString(), SearchScope.SUB, settings.groupsFilter(),
                mapper.groupAttributes());
        var lease = new ConnectionLease(pool);
        return PageStreams.of(lease, new PagedSearch(lease, request, settings.pageSize()).map(mapper::group),
                failures, "read groups under " + settings.groupsBase());
    }

    @Override
    public Stream<List<DirectoryMembership>> memberships() {
        var lease = new ConnectionLease(pool);
        return PageStreams.of(lease, new MembershipCursor(lease, settings), failures,
                "read the members of groups under " + settings.groupsBase());
    }

    @Override
    public AddOutcome addMember(MembershipChange change) {
        return memberships.add(change);
    }

    @Override
    public RemoveOutcome removeMember(MembershipChange change) {
        return memberships.remove(change);
    }

    @Override
    public int batchLimit() {
        return MembershipBatches.LIMIT;
    }

    /** Each group's adds in one modify; see {@link MembershipBatches}. */
    @Override
    public List<ChangeResult<AddOutcome>> addMembers(List<MembershipChange> changes) {
        return batches.add(changes);
    }

    @Override
    public List<ChangeResult<RemoveOutcome>> removeMembers(List<MembershipChange> changes) {
        return batches.remove(changes);
    }

    /**
     * Adds the person under new-user-base, named by the part of their email before the @. Creating a
     * person who already exists there with the same email answers their id, so a retried create
     * succeeds; an email or a name that another person has is refused.
     */
    @Override
    public String createUser(NewUser user) {
        var entry = accounts.newPerson(user, settings);
        String id = EntryMapper.id(entry);
        Filter sameEmail = Filter.createANDFilter(
                settings.peopleFilter(), Filter.createEqualityFilter(settings.attributes().email(), user.email()));
        try {
            List<SearchResultEntry> holders = pool.search(new SearchRequest(settings.peopleBase().toString(),
                    SearchScope.SUB, sameEmail, SearchRequest.NO_ATTRIBUTES)).getSearchEntries();
            if (holders.stream().anyMatch(holder -> EntryMapper.id(holder).equals(id))) {
                return id;
            }
            if (!holders.isEmpty()) {
                throw new PermanentConnectorException(
                        "cannot create " + user.email() + ": " + holders.get(0).getDN() + " already has that email");
            }
            pool.add(entry);
            return id;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                throw new PermanentConnectorException("cannot create " + user.email() + ": " + entry.getDN()
                        + " already exists with another email", e);
            }
            throw failures.classify(e, "create " + entry.getDN());
        }
    }

    @Override
    public void suspendUser(String personId) {
        SearchResultEntry person = lookup.person(personId, accounts.statusAttributes().toArray(String[]::new));
        List<Modification> suspension = accounts.suspension(person);
        if (suspension.isEmpty()) {
            return;
        }
        try {
            pool.modify(person.getDN(), suspension);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) {
                throw new TransientConnectorException(
                        "could not suspend " + person.getDN() + ": its account changed while suspending it", e);
            }
            throw failures.classify(e, "suspend " + person.getDN());
        }
    }

    @Override
    public Optional<Instant> lastLogin(String personId) {
        String attribute = settings.attributes().lastLogin();
        return accounts.lastLogin(lookup.person(personId, attribute), attribute);
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "LdapConnector{" + settings + "}";
    }
}
