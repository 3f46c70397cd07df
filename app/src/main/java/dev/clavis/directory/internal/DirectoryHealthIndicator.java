package dev.clavis.directory.internal;

import dev.clavis.directory.DirectoryConnection;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** UP when the directory answers with the configured credentials. */
@Component("directory")
class DirectoryHealthIndicator extends AbstractHealthIndicator {

    private final DirectoryConnection connection;
    private final SyncRuns runs;

    DirectoryHealthIndicator(DirectoryConnection connection, SyncRuns runs) {
        super("The directory does not answer");
        this.connection = connection;
        this.runs = runs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("type", connection.type());
        runs.lastFinished().ifPresent(run -> builder
                .withDetail("lastSync", run.status().name())
                .withDetail("lastSyncFinishedAt", String.valueOf(run.finishedAt())));
        connection.connector().verify();
        builder.up();
    }
}
