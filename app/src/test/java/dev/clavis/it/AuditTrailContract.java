package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.audit.AuditEvent;
import dev.clavis.audit.AuditTrail;
import dev.clavis.support.Api;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The audit trail detects any change to its rows made behind Clavis's back. */
abstract class AuditTrailContract extends RunningClavis {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void catalogChangesAndTokensAreInTheTrailAndTheChainVerifies() {
        admin().post("/api/v1/tokens", Api.json(Map.of("person", "sam.taylor@acme.test", "scopes", List.of("request"))));

        JsonNode catalog = admin().get("/api/v1/audit?type=catalog.").json().get("items");
        JsonNode tokens = admin().get("/api/v1/audit?type=token.issued").json().get("items");

        assertThat(catalog).isNotEmpty();
        assertThat(catalog.get(0).get("subject").asString()).isEqualTo("catalog:1");
        assertThat(tokens).isNotEmpty();
        assertThat(tokens.get(tokens.size() - 1).get("data").get("scopes").get(0).asString()).isEqualTo("request");
        JsonNode verify = admin().get("/api/v1/audit/verify").json();
        assertThat(verify.get("valid").asBoolean()).isTrue();
        assertThat(verify.get("entries").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = trail.verify().entries();
        inTransactionsAtOnce(40, i -> trail.append(new AuditEvent("test.appended", "system", "test:" + i, Map.of("i", i))));

        var verification = trail.verify();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(before + 40);
    }

    @Test
    void concurrentTransactionsRecordingAtCommitFormOneUnbrokenChainHoldingEveryEntry() throws Exception {
        long before = trail.verify().entries();
        inTransactionsAtOnce(40, i -> {
            trail.appendAtCommit(new AuditEvent("test.recorded", "system", "test:commit-" + i, Map.of("i", i)));
            trail.appendAtCommit(new AuditEvent("test.recorded", "system", "test:commit-" + i, Map.of("i", -i)));
        });

        var verification = trail.verify();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(before + 80);
        // In the order the transaction recorded them; other transactions' entries may come between them.
        assertThat(trail.about("test:commit-7")).extracting(entry -> entry.data().get("i")).containsExactly(7, -7);
    }

    @Test
    void anEntryRecordedByATransactionThatRolledBackIsNowhere() {
        transactions.executeWithoutResult(tx -> {
            trail.appendAtCommit(new AuditEvent("test.recorded", "system", "test:rolled-back", Map.of()));
            tx.setRollbackOnly();
        });

        assertThat(trail.about("test:rolled-back")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_pending where subject = 'test:rolled-back'", Long.class)).isZero();
    }

    @Test
    void entriesACrashLeftUnchainedAreInTheTrailOnceItIsRead() {
        jdbc.update("insert into audit_pending (at, type, actor, subject, data) values (?, 'test.left', 'system', 'test:left', '{}')",
                OffsetDateTime.now());

        var entries = trail.about("test:left");

        assertThat(entries).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Long.class)).isZero();
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void anEntryWrittenNowFollowsEveryEntryCommittedBeforeIt() {
        jdbc.update("insert into audit_pending (at, type, actor, subject, data) values (?, 'test.left', 'system', 'test:before-now', '{}')",
                OffsetDateTime.now());

        long now = transactions.execute(tx -> trail.append(new AuditEvent("test.appended", "system", "test:now", Map.of())).sequence());

        assertThat(trail.about("test:before-now")).singleElement().satisfies(e -> assertThat(e.sequence()).isLessThan(now));
    }

    @Test
    void anEntryCannotBeAppendedOutsideTheTransactionOfItsChange() {
        assertThatThrownBy(() -> trail.append(new AuditEvent("test.appended", "system", "test:x", Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void alteringAnEntryIsDetectedAtThatEntry() {
        long target = appendSome();
        String original = jdbc.queryForObject("select data from audit_entry where sequence = ?", String.class, target);
        jdbc.update("update audit_entry set data = ? where sequence = ?", "{\"i\":999}", target);
        try {
            assertInvalidAt(target);
        } finally {
            jdbc.update("update audit_entry set data = ? where sequence = ?", original, target);
        }
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void deletingAnEntryIsDetectedWhereItWas() {
        long target = appendSome();
        var row = jdbc.queryForMap("select * from audit_entry where sequence = ?", target);
        jdbc.update("delete from audit_entry where sequence = ?", target);
        try {
            assertInvalidAt(target);
        } finally {
            reinsert(row);
        }
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void deletingTheNewestEntryIsDetected() {
        long last = appendSome() + 1;
        var row = jdbc.queryForMap("select * from audit_entry where sequence = ?", last);
        jdbc.update("delete from audit_entry where sequence = ?", last);
        try {
            assertThat(trail.verify().valid()).isFalse();
        } finally {
            reinsert(row);
        }
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void anEntryWrittenBeyondTheHeadIsDetected() {
        appendSome();
        long last = jdbc.queryForObject("select sequence from audit_head where id = 1", Long.class);
        var row = new HashMap<>(jdbc.queryForMap("select * from audit_entry where sequence = ?", last));
        row.put("sequence", last + 1);
        reinsert(row);
        try {
            assertInvalidAt(last + 1);
        } finally {
            jdbc.update("delete from audit_entry where sequence = ?", last + 1);
        }
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void reorderingTwoEntriesIsDetectedAtTheFirstOfThem() {
        long first = appendSome();
        long second = first + 1;
        jdbc.update("update audit_entry set sequence = -1 where sequence = ?", first);
        jdbc.update("update audit_entry set sequence = ? where sequence = ?", first, second);
        jdbc.update("update audit_entry set sequence = ? where sequence = -1", second);
        try {
            assertInvalidAt(first);
        } finally {
            jdbc.update("update audit_entry set sequence = -1 where sequence = ?", first);
            jdbc.update("update audit_entry set sequence = ? where sequence = ?", first, second);
            jdbc.update("update audit_entry set sequence = ? where sequence = -1", second);
        }
        assertThat(trail.verify().valid()).isTrue();
    }

    /** Appends two entries and answers the sequence of the first. */
    private long appendSome() {
        return transactions.execute(tx -> {
            long first = trail.append(new AuditEvent("test.appended", "system", "test:a", Map.of("i", 1))).sequence();
            trail.append(new AuditEvent("test.appended", "system", "test:b", Map.of("i", 2)));
            return first;
        });
    }

    private void assertInvalidAt(long sequence) {
        JsonNode verify = admin().get("/api/v1/audit/verify").json();
        assertThat(verify.get("valid").asBoolean()).isFalse();
        assertThat(verify.get("firstInvalidEntry").asLong()).isEqualTo(sequence);
        assertThat(verify.get("reason").asString()).isNotBlank();
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("insert into audit_entry (sequence, at, type, actor, subject, data, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("sequence"), row.get("at"), row.get("type"), row.get("actor"), row.get("subject"), row.get("data"),
                row.get("previous_hash"), row.get("hash"));
    }

    /** Runs {@code count} transactions, eight at a time, each doing {@code work} with its index. */
    private void inTransactionsAtOnce(int count, IntConsumer work) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> transactions.executeWithoutResult(tx -> work.accept(i)))).toList();
            for (var future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
