package dev.clavis.provisioning.internal;

import dev.clavis.support.Postgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

@ExtendWith(Postgres.class)
class PostgresFinishedTaskPurgeIT extends FinishedTaskPurgeContract {

    @Override
    protected SingleConnectionDataSource database() {
        return new SingleConnectionDataSource(Postgres.newDatabase().get(), Postgres.user(), Postgres.password(), true);
    }
}
