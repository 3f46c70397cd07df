package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clavis.support.Postgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(Postgres.class)
class PostgresAuditTrailIT extends AuditTrailContract {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final Supplier<String> DATABASE = Postgres.newDatabase();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        registry.add("spring.datasource.url", DATABASE::get);
        registry.add("spring.datasource.username", Postgres::user);
    }

    @Test
    void theChainerVacuumsItsQueueOnceItHasChainedTenThousandEntries() {
        long vacuumsBefore = vacuums();
        long entriesBefore = trail.verify().entries();

        jdbc.update("""
                insert into audit_pending (at, type, actor, subject, data)
                select now(), 'test.bulk', 'system', 'test:bulk:' || n, '{}' from generate_series(1, 10000) n""");

        await().atMost(Duration.ofSeconds(60)).until(() -> vacuums() > vacuumsBefore);
        assertThat(jdbc.queryForObject("select n_dead_tup from pg_stat_user_tables where relname = 'audit_pending'", Long.class))
                .as("the chained entries' rows are gone from the queue's table").isLessThan(1_000);
        var verification = trail.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isGreaterThanOrEqualTo(entriesBefore + 10_000);
    }

    private long vacuums() {
        return jdbc.queryForObject("select vacuum_count from pg_stat_user_tables where relname = 'audit_pending'", Long.class);
    }
}
