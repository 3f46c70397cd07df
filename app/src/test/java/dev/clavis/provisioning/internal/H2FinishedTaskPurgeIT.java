package dev.clavis.provisioning.internal;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2FinishedTaskPurgeIT extends FinishedTaskPurgeContract {

    @Override
    protected SingleConnectionDataSource database() {
        // In memory, in the modes Clavis's own H2 URL sets (application.yml).
        return new SingleConnectionDataSource("jdbc:h2:mem:finished-task-purge;"
                + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
    }
}
