package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import dev.clavis.provisioning.QueuedTask;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Clavis on an LDAP server of the test's own that answers the first modify requests with result 51
 * (busy), which the LDAP connector classifies as transient: the worker retries with backoff until the
 * change lands or the attempts run out. Writes are paced under a configured rate limit.
 */
class ProvisioningRetriesIT extends RunningClavis {

    private static final int MAX_ATTEMPTS = 3;
    private static final int WRITES_PER_SECOND = 5;
    private static final String BUSY_MESSAGE = "the directory is busy, try again later";
    private static final String BOB = "uid=bob,ou=people," + BASE_DN;

    /** How many of the next modify requests the server refuses as busy. */
    private static final AtomicInteger REFUSALS = new AtomicInteger();
    /** When each modify request arrived, in nanoseconds. */
    private static final Queue<Long> MODIFIES = new ConcurrentLinkedQueue<>();
    private static final InMemoryDirectoryServer SERVER = startServer();
    private static final Path DATA = newDataDir();

    @Autowired
    ProvisioningQueue queue;

    @Autowired
    TransactionTemplate transactions;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("clavis.data-dir", DATA::toString);
        registry.add("clavis.bootstrap-admin-token", () -> ADMIN_TOKEN);
        registry.add("clavis.sync.interval", () -> "PT1H");
        registry.add("clavis.directory", () -> "ldap");
        registry.add("clavis.ldap.url", () -> "ldap://127.0.0.1:" + SERVER.getListenPort());
        registry.add("clavis.ldap.bind-dn", () -> "cn=admin," + BASE_DN);
        registry.add("clavis.ldap.password", () -> LDAP_PASSWORD);
        registry.add("clavis.ldap.base-dn", () -> BASE_DN);
        registry.add("clavis.ldap.people-base", () -> "ou=people," + BASE_DN);
        registry.add("clavis.ldap.groups-base", () -> "ou=groups," + BASE_DN);
        registry.add("clavis.provisioning.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("clavis.provisioning.initial-backoff", () -> "PT0.05S");
        registry.add("clavis.provisioning.max-backoff", () -> "PT0.2S");
        registry.add("clavis.provisioning.poll-interval", () -> "PT0.05S");
        registry.add("clavis.provisioning.rate-limit", () -> WRITES_PER_SECOND);
    }

    @AfterEach
    void serverAnswersAgain() {
        REFUSALS.set(0);
    }

    @AfterAll
    static void stopServer() {
        SERVER.shutDown(true);
    }

    @Test
    void aBusyDirectoryIsRetriedUntilTheMembershipLands() throws LDAPException {
        REFUSALS.set(MAX_ATTEMPTS - 1);
        String reference = "test:" + UUID.randomUUID();

        enqueue(new MembershipTask(MembershipOperation.ADD, "eng", personId("bob@acme.test"), reference));

        QueuedTask task = finished(reference);
        assertThat(task.status()).isEqualTo(QueuedTask.Status.DONE);
        assertThat(task.outcome()).isEqualTo(MembershipOutcome.ADDED);
        assertThat(task.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(members("eng")).contains(new DN(BOB));
        List<String> types = new ArrayList<>();
        JsonNode trail = admin().get("/api/v1/audit?subject=" + reference).json().get("items");
        trail.forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types).containsExactly("membership.retrying", "membership.retrying", "membership.added");
        assertThat(trail.get(0).get("data").get("error").asString()).contains(BUSY_MESSAGE);
        assertThat(trail.get(1).get("data").get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aDirectoryBusyForLongerThanTheAttemptsAllowFailsWithTheServersError() throws LDAPException {
        REFUSALS.set(MAX_ATTEMPTS + 2);
        String reference = "test:" + UUID.randomUUID();

        enqueue(new MembershipTask(MembershipOperation.ADD, "ops", personId("bob@acme.test"), reference));

        QueuedTask task = finished(reference);
        assertThat(task.status()).isEqualTo(QueuedTask.Status.FAILED);
        assertThat(task.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(task.lastError()).contains(BUSY_MESSAGE);
        assertThat(members("ops")).doesNotContain(new DN(BOB));
        JsonNode last = admin().get("/api/v1/audit?subject=" + reference + "&type=membership.failed").json().get("items");
        assertThat(last).hasSize(1);
        assertThat(last.get(0).get("data").get("error").asString()).contains(BUSY_MESSAGE);
    }

    @Test
    void writesArePacedUnderTheRateLimit() {
        String reference = "test:" + UUID.randomUUID();
        // Changes of one person in one group apply one after the other, each in a connector call of its
        // own: no two of them can share a batch, which the rate limit counts as one write.
        UUID dan = personId("dan@acme.test");
        List<MembershipTask> changes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            changes.add(new MembershipTask(MembershipOperation.ADD, "eng", dan, reference));
            changes.add(new MembershipTask(MembershipOperation.REMOVE, "eng", dan, reference));
        }
        MODIFIES.clear();

        transactions.executeWithoutResult(tx -> queue.enqueue(changes));

        List<QueuedTask> tasks = Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(() -> queue.tasksFor(reference), all -> all.stream().allMatch(t -> t.status().finished()));
        assertThat(tasks).hasSize(10).extracting(QueuedTask::outcome).containsExactly(
                MembershipOutcome.ADDED, MembershipOutcome.REMOVED, MembershipOutcome.ADDED, MembershipOutcome.REMOVED,
                MembershipOutcome.ADDED, MembershipOutcome.REMOVED, MembershipOutcome.ADDED, MembershipOutcome.REMOVED,
                MembershipOutcome.ADDED, MembershipOutcome.REMOVED);
        List<Long> arrivals = List.copyOf(MODIFIES);
        assertThat(arrivals).hasSizeGreaterThanOrEqualTo(10);
        // One permit per interval at 98% of the limit: ten permits span more than eight intervals. The
        // reads before each modify vary in length, so one interval is left for that; unpaced, the ten
        // changes, each claimed once the one before it is recorded, take a fraction of one second.
        Duration interval = Duration.ofNanos((long) (1e9 / (WRITES_PER_SECOND * 0.98)));
        assertThat(Duration.ofNanos(Collections.max(arrivals) - Collections.min(arrivals)))
                .isGreaterThanOrEqualTo(interval.multipliedBy(7));
    }

    private void enqueue(MembershipTask task) {
        transactions.executeWithoutResult(tx -> queue.enqueue(List.of(task)));
    }

    private QueuedTask finished(String reference) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(() -> queue.tasksFor(reference),
                        tasks -> tasks.size() == 1 && tasks.get(0).status().finished())
                .get(0);
    }

    private UUID personId(String email) {
        return UUID.fromString(admin().get("/api/v1/people/" + email).json().get("id").asString());
    }

    private static List<DN> members(String group) {
        try {
            List<DN> members = new ArrayList<>();
            for (String value : SERVER.getEntry("cn=" + group + ",ou=groups," + BASE_DN).getAttributeValues("member")) {
                members.add(new DN(value));
            }
            return members;
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InMemoryDirectoryServer startServer() {
        try {
            var config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.addAdditionalBindCredentials("cn=admin," + BASE_DN, LDAP_PASSWORD);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
            config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
                @Override
                public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
                    MODIFIES.add(System.nanoTime());
                    if (REFUSALS.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        throw new LDAPException(ResultCode.BUSY, BUSY_MESSAGE);
                    }
                }
            });
            var server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: acme");
            for (String unit : List.of("people", "groups")) {
                server.add("dn: ou=" + unit + "," + BASE_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: " + unit);
            }
            for (String uid : List.of("ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal")) {
                String name = Character.toUpperCase(uid.charAt(0)) + uid.substring(1);
                server.add("dn: uid=" + uid + ",ou=people," + BASE_DN, "objectClass: top", "objectClass: person",
                        "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + uid,
                        "cn: " + name + " Test", "sn: Test", "mail: " + uid + "@acme.test");
            }
            for (String group : List.of("eng", "ops")) {
                server.add("dn: cn=" + group + ",ou=groups," + BASE_DN, "objectClass: top", "objectClass: groupOfNames",
                        "cn: " + group, "member: uid=ann,ou=people," + BASE_DN);
            }
            server.startListening();
            return server;
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("the test's LDAP server did not start: " + e.getMessage(), e);
        }
    }
}
