package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.PermissiveModifyRequestControl;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import dev.clavis.provisioning.QueuedTask;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Membership changes queued in a transaction reach the directory (the embedded one, over LDAP),
 * Clavis's copy of it and the audit trail, on each database Clavis supports. Each test uses a group
 * and person of its own, so the tests do not depend on each other's order.
 */
abstract class ProvisioningContract extends RunningClavis {

    private static final String SAM = "sam.taylor@acme.test";
    private static final String ALEX = "alex.morgan@acme.test";

    @Autowired
    ProvisioningQueue queue;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    protected abstract int ldapPort();

    @Test
    void anAddedMembershipIsInTheDirectoryInClavisAndInTheAuditTrail() {
        String reference = newReference();

        enqueue(new MembershipTask(MembershipOperation.ADD, "netsuite-users", personId(SAM), reference));

        QueuedTask task = finished(reference).get(0);
        assertThat(task.status()).isEqualTo(QueuedTask.Status.DONE);
        assertThat(task.outcome()).isEqualTo(MembershipOutcome.ADDED);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(isMember("netsuite-users", SAM)).isTrue();
        assertThat(groupsOf(SAM)).contains("netsuite-users");
        JsonNode entry = single(audit(reference));
        assertThat(entry.get("type").asString()).isEqualTo("membership.added");
        assertThat(entry.get("actor").asString()).isEqualTo("system");
        assertThat(entry.get("data").get("group").asString()).isEqualTo("netsuite-users");
        assertThat(entry.get("data").get("person").asString()).isEqualTo(personId(SAM).toString());
        assertThat(entry.get("data").get("outcome").asString()).isEqualTo("ADDED");
        assertThat(entry.get("data").get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void addingSomeoneAlreadyInTheGroupIsConfirmedAsAlreadyMember() {
        String reference = newReference();

        enqueue(new MembershipTask(MembershipOperation.ADD, "github-members", personId(SAM), reference));

        assertThat(finished(reference).get(0).outcome()).isEqualTo(MembershipOutcome.ALREADY_MEMBER);
        assertThat(isMember("github-members", SAM)).isTrue();
        assertThat(single(audit(reference)).get("type").asString()).isEqualTo("membership.already-member");
    }

    @Test
    void aRemovedMembershipIsGoneFromTheDirectoryAndFromClavis() {
        String reference = newReference();
        assertThat(isMember("github-members", ALEX)).isTrue();

        enqueue(new MembershipTask(MembershipOperation.REMOVE, "github-members", personId(ALEX), reference));

        assertThat(finished(reference).get(0).outcome()).isEqualTo(MembershipOutcome.REMOVED);
        assertThat(isMember("github-members", ALEX)).isFalse();
        assertThat(groupsOf(ALEX)).doesNotContain("github-members");
        assertThat(single(audit(reference)).get("type").asString()).isEqualTo("membership.removed");
    }

    @Test
    void removingSomeoneNotInTheGroupIsConfirmedAsNotAMember() {
        String reference = newReference();

        enqueue(new MembershipTask(MembershipOperation.REMOVE, "netsuite-admins", personId(ALEX), reference));

        assertThat(finished(reference).get(0).outcome()).isEqualTo(MembershipOutcome.NOT_A_MEMBER);
        assertThat(single(audit(reference)).get("type").asString()).isEqualTo("membership.not-a-member");
    }

    @Test
    void anAddAndARemoveQueuedTogetherApplyInTheOrderQueued() {
        String reference = newReference();
        UUID alex = personId(ALEX);

        enqueue(new MembershipTask(MembershipOperation.ADD, "hubspot-users", alex, reference),
                new MembershipTask(MembershipOperation.REMOVE, "hubspot-users", alex, reference));

        assertThat(finished(reference)).extracting(QueuedTask::outcome)
                .containsExactly(MembershipOutcome.ADDED, MembershipOutcome.REMOVED);
        assertThat(isMember("hubspot-users", ALEX)).isFalse();
        assertThat(groupsOf(ALEX)).doesNotContain("hubspot-users");
    }

    @Test
    void manyAddsToOneGroupQueuedTogetherAreEachConfirmedAndThoseAlreadyInItAreAlreadyMembers() {
        String group = "zendesk-agents";
        List<String> emails = peopleEmails(20);
        // Members in the directory that Clavis's copy does not know of yet, as a change made outside Clavis.
        addInDirectory(group, List.of(emails.get(2), emails.get(9), emails.get(15)));
        List<DN> before = memberDns(group);
        String reference = newReference();

        enqueue(emails.stream()
                .map(email -> new MembershipTask(MembershipOperation.ADD, group, personId(email), reference))
                .toArray(MembershipTask[]::new));

        List<QueuedTask> tasks = finished(reference);
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i);
            assertThat(tasks.get(i).outcome()).as(email).isEqualTo(before.contains(personDn(email))
                    ? MembershipOutcome.ALREADY_MEMBER
                    : MembershipOutcome.ADDED);
            assertThat(tasks.get(i).attempts()).as(email).isEqualTo(1);
            assertThat(groupsOf(email)).as(email).contains(group);
        }
        assertThat(tasks).extracting(QueuedTask::outcome).contains(MembershipOutcome.ALREADY_MEMBER, MembershipOutcome.ADDED);
        assertThat(memberDns(group)).containsAll(emails.stream().map(this::personDn).toList());
    }

    @Test
    void aTaskQueuedInATransactionThatRollsBackNeverRuns() {
        String rolledBack = newReference();
        UUID sam = personId(SAM);
        transactions.executeWithoutResult(tx -> {
            queue.enqueue(List.of(new MembershipTask(MembershipOperation.ADD, "zendesk-agents", sam, rolledBack)));
            tx.setRollbackOnly();
        });
        String later = newReference();

        enqueue(new MembershipTask(MembershipOperation.REMOVE, "zendesk-agents", sam, later));

        assertThat(finished(later).get(0).outcome()).isEqualTo(MembershipOutcome.NOT_A_MEMBER);
        assertThat(queue.tasksFor(rolledBack)).isEmpty();
        assertThat(isMember("zendesk-agents", SAM)).isFalse();
    }

    @Test
    void aTaskIsQueuedOnlyInsideATransaction() {
        var task = new MembershipTask(MembershipOperation.ADD, "zendesk-agents", personId(SAM), newReference());

        assertThatThrownBy(() -> queue.enqueue(List.of(task))).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aGroupTheDirectoryLacksFailsNamingTheGroupAndRaisesTheFailureMetric() {
        double failedBefore = metric("clavis_provisioning_failed_total");
        String reference = newReference();
        String group = "no-such-group-" + UUID.randomUUID().toString().substring(0, 8);

        enqueue(new MembershipTask(MembershipOperation.ADD, group, personId(SAM), reference));

        QueuedTask task = finished(reference).get(0);
        assertThat(task.status()).isEqualTo(QueuedTask.Status.FAILED);
        assertThat(task.lastError()).contains("'" + group + "'");
        JsonNode entry = single(audit(reference));
        assertThat(entry.get("type").asString()).isEqualTo("membership.failed");
        assertThat(entry.get("data").get("error").asString()).contains(group);
        assertThat(metric("clavis_provisioning_failed_total")).isEqualTo(failedBefore + 1);
        assertThat(metric("clavis_provisioning_failed_open")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPersonWithoutADirectoryEntryFailsNamingThem() {
        String reference = newReference();
        UUID nobody = UUID.randomUUID();

        enqueue(new MembershipTask(MembershipOperation.ADD, "github-members", nobody, reference));

        QueuedTask task = finished(reference).get(0);
        assertThat(task.status()).isEqualTo(QueuedTask.Status.FAILED);
        assertThat(task.lastError()).contains(nobody.toString());
    }

    @Test
    void theSameAddQueuedTwiceAtOnceIsOneMembershipAndBothTasksAreDone() throws Exception {
        UUID sam = personId(SAM);
        String first = newReference();
        String second = newReference();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> racing = new ArrayList<>();
            for (String reference : List.of(first, second)) {
                racing.add(pool.submit(() -> {
                    start.await();
                    return enqueue(new MembershipTask(MembershipOperation.ADD, "figma-editors", sam, reference));
                }));
            }
            start.countDown();
            for (Future<?> enqueued : racing) {
                enqueued.get();
            }
        } finally {
            pool.shutdown();
        }

        List<MembershipOutcome> outcomes = new ArrayList<>();
        outcomes.add(finished(first).get(0).outcome());
        outcomes.add(finished(second).get(0).outcome());
        assertThat(outcomes).containsExactlyInAnyOrder(MembershipOutcome.ADDED, MembershipOutcome.ALREADY_MEMBER);
        assertThat(memberDns("figma-editors")).filteredOn(personDn(SAM)::equals).hasSize(1);
    }

    @Test
    void aTaskWhoseWorkerDiedIsTakenUpAgainOnceItsLeaseEnds() {
        String reference = newReference();
        UUID sam = personId(SAM);
        transactions.executeWithoutResult(tx -> {
            UUID id = queue.enqueue(List.of(new MembershipTask(MembershipOperation.ADD, "workday-hr", sam, reference))).get(0);
            // As a worker leaves it that claimed it and died in the connector call.
            jdbc.update("""
                    update provisioning_task set status = 'RUNNING', attempts = 1, claimed_by = 'crashed/provisioning-1',
                    lease_until = ? where id = ?""", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), id);
        });

        QueuedTask task = finished(reference).get(0);

        assertThat(task.status()).isEqualTo(QueuedTask.Status.DONE);
        assertThat(task.outcome()).isEqualTo(MembershipOutcome.ADDED);
        assertThat(task.attempts()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select claimed_by from provisioning_task where id = ?", String.class, task.id()))
                .isNotEqualTo("crashed/provisioning-1");
        assertThat(isMember("workday-hr", SAM)).isTrue();
    }

    private List<UUID> enqueue(MembershipTask... tasks) {
        return transactions.execute(tx -> queue.enqueue(Arrays.asList(tasks)));
    }

    /** The reference's tasks once every one of them is done or failed. */
    private List<QueuedTask> finished(String reference) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(() -> queue.tasksFor(reference),
                        tasks -> !tasks.isEmpty() && tasks.stream().allMatch(t -> t.status().finished()));
    }

    private static String newReference() {
        return "test:" + UUID.randomUUID();
    }

    private UUID personId(String email) {
        return UUID.fromString(admin().get("/api/v1/people/" + email).json().get("id").asString());
    }

    private List<String> groupsOf(String email) {
        List<String> names = new ArrayList<>();
        admin().get("/api/v1/people/" + email).json().get("groups").forEach(g -> names.add(g.get("name").asString()));
        return names;
    }

    private JsonNode audit(String subject) {
        return admin().get("/api/v1/audit?subject=" + subject).json().get("items");
    }

    private static JsonNode single(JsonNode items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private double metric(String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$")
                .matcher(anonymous().get("/actuator/prometheus").body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private boolean isMember(String group, String email) {
        return memberDns(group).contains(personDn(email));
    }

    private List<DN> memberDns(String group) {
        try (LDAPConnection ldap = ldap(ldapPort())) {
            String[] values = ldap.getEntry("cn=" + group + ",ou=groups," + BASE_DN, "member").getAttributeValues("member");
            List<DN> dns = new ArrayList<>();
            for (String value : values == null ? new String[0] : values) {
                dns.add(new DN(value));
            }
            return dns;
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addInDirectory(String group, List<String> emails) {
        try (LDAPConnection ldap = ldap(ldapPort())) {
            var request = new ModifyRequest("cn=" + group + ",ou=groups," + BASE_DN, new Modification(
                    ModificationType.ADD, "member", emails.stream().map(this::personDn).map(DN::toString).toArray(String[]::new)));
            request.addControl(new PermissiveModifyRequestControl());
            ldap.modify(request);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mail of the first {@code count} people under ou=people. */
    private List<String> peopleEmails(int count) {
        try (LDAPConnection ldap = ldap(ldapPort())) {
            return ldap.search("ou=people," + BASE_DN, SearchScope.ONE, "(mail=*)", "mail").getSearchEntries().stream()
                    .map(entry -> entry.getAttributeValue("mail"))
                    .sorted()
                    .limit(count)
                    .toList();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private DN personDn(String email) {
        try (LDAPConnection ldap = ldap(ldapPort())) {
            return ldap.search("ou=people," + BASE_DN, SearchScope.ONE, "(mail=" + email + ")", "1.1")
                    .getSearchEntries().get(0).getParsedDN();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
