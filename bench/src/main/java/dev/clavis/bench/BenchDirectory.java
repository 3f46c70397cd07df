package dev.clavis.bench;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.clavis.embedded.DirectoryLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The bench's people and groups in Clavis's embedded directory, written over LDAP as the administrator,
 * exactly as an administrator would add them to OpenLDAP: people under ou=people as inetOrgPerson, with a
 * manager each, and groupOfNames groups under ou=groups. Also the raw modifies that Clavis's own
 * membership changes are compared with.
 */
final class BenchDirectory implements AutoCloseable {

    /**
     * groupOfNames must have a member, so a new group starts with the LDAP connector's default
     * empty-group-member, which the connector drops at the first real add and never reports as a person.
     */
    static final String PLACEHOLDER = "cn=empty-membership-placeholder," + DirectoryLayout.BASE_DN;

    static final String OWNER = "bench.owner";

    private final LDAPConnectionPool pool;
    private final int connections;

    private BenchDirectory(LDAPConnectionPool pool, int connections) {
        this.pool = pool;
        this.connections = connections;
    }

    /** @param connections the pool's size, which is also the concurrency of everything done through it */
    static BenchDirectory connect(int port, String adminPassword, int connections) throws LDAPException {
        var first = new LDAPConnection("127.0.0.1", port, DirectoryLayout.ADMIN_DN, adminPassword);
        return new BenchDirectory(new LDAPConnectionPool(first, connections), connections);
    }

    static String personUid(int index) {
        return String.format(Locale.ROOT, "bench.p%05d", index);
    }

    static String managerUid(int index) {
        return String.format(Locale.ROOT, "bench.m%04d", index);
    }

    /** The manager of a bench person: people are in teams of {@link RequestBenchOptions#TEAM_SIZE}. */
    static String managerOf(int person) {
        return managerUid(person / RequestBenchOptions.TEAM_SIZE);
    }

    /** The app owner, the managers and the people, managers first so that every manager DN exists. */
    void addPeople(int people, int managers, Instant deadline) throws LDAPException, InterruptedException {
        pool.add(person(OWNER, "Bench", "Owner", "App owner", null));
        Concurrently.all(managers, connections, deadline,
                i -> pool.add(person(managerUid(i), "Manager", String.valueOf(i), "Engineering manager", OWNER)));
        Concurrently.all(people, connections, deadline,
                i -> pool.add(person(personUid(i), "Person", String.valueOf(i), "Engineer", managerOf(i))));
    }

    void addGroup(String name) throws LDAPException {
        pool.add(new Entry(DirectoryLayout.groupDn(name),
                new Attribute("objectClass", "top", "groupOfNames"),
                new Attribute("cn", name),
                new Attribute("description", "request benchmark"),
                new Attribute("member", PLACEHOLDER)));
    }

    /** Adds bench people 0..count-1 to their groups, one modify each, {@code connections} at a time. */
    RawModifies.Timing addMembers(IntFunction<String> groupOf, int count, Instant deadline) throws InterruptedException {
        return modifyMembers(groupOf, ModificationType.ADD, count, deadline);
    }

    /** Removes bench people 0..count-1 from their groups again. */
    RawModifies.Timing removeMembers(IntFunction<String> groupOf, int count, Instant deadline) throws InterruptedException {
        return modifyMembers(groupOf, ModificationType.DELETE, count, deadline);
    }

    private RawModifies.Timing modifyMembers(IntFunction<String> groupOf, ModificationType type, int count,
            Instant deadline) throws InterruptedException {
        var answered = new AtomicInteger();
        var firstTenth = new AtomicLong();
        var nineTenths = new AtomicLong();
        long start = System.nanoTime();
        Concurrently.all(count, connections, deadline, i -> {
            pool.modify(DirectoryLayout.groupDn(groupOf.apply(i)),
                    new Modification(type, "member", DirectoryLayout.personDn(personUid(i))));
            int done = answered.incrementAndGet();
            if (done == count / 10) {
                firstTenth.set(System.nanoTime());
            }
            if (done == count * 9 / 10) {
                nineTenths.set(System.nanoTime());
            }
        });
        long end = System.nanoTime();
        return new RawModifies.Timing(count, end - start, firstTenth.get() - start, end - nineTenths.get());
    }

    private static Entry person(String uid, String givenName, String surname, String title,
            @Nullable String managerUid) {
        var attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid),
                new Attribute("cn", givenName + " " + surname),
                new Attribute("sn", surname),
                new Attribute("givenName", givenName),
                new Attribute("displayName", givenName + " " + surname),
                new Attribute("mail", DirectoryLayout.email(uid)),
                new Attribute("departmentNumber", "Bench"),
                new Attribute("title", title),
                new Attribute("employeeType", "employee")));
        if (managerUid != null) {
            attributes.add(new Attribute("manager", DirectoryLayout.personDn(managerUid)));
        }
        return new Entry(DirectoryLayout.personDn(uid), attributes);
    }

    @Override
    public void close() {
        pool.close();
    }
}
