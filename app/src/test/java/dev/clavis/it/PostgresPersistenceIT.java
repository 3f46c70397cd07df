package dev.clavis.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.support.Postgres;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.postgresql.core.BaseConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(Postgres.class)
class PostgresPersistenceIT extends PersistenceContract {

    private static final Path DATA = newDataDir();
    private static final int LDAP_PORT = newPort();
    private static final Supplier<String> DATABASE = Postgres.newDatabase();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, DATA, LDAP_PORT);
        registry.add("spring.datasource.url", DATABASE::get);
        registry.add("spring.datasource.username", Postgres::user);
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Override
    protected int ldapPort() {
        return LDAP_PORT;
    }

    /** Without statistics the next sync's look-ups of a page of ids scan whole tables (see SyncWriter). */
    @Test
    void aSyncLeavesStatisticsSoTheNextSyncLooksUpByIndex() {
        assertThat(syncAndWait("").get("status").asString()).isEqualTo("SUCCEEDED");

        assertThat(jdbc.queryForList("select relname from pg_stat_user_tables where last_analyze is not null",
                String.class)).contains("person", "directory_group", "group_membership");
    }

    /** The audit trail, the task queue and syncs insert in JDBC batches; sent row by row they cost a statement each. */
    @Test
    void batchesOfInsertsReachPostgresAsMultiRowInserts() {
        Boolean rewritten = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled());

        assertThat(rewritten).isTrue();
    }
}
