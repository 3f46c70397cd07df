package dev.clavis.directory.internal;

import dev.clavis.directory.DirectoryConnection;
import dev.clavis.directory.DirectorySyncService;
import dev.clavis.directory.SyncReport;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The published face of syncs, for the console: the same requests and records as the API's. */
@Component
class SyncService implements DirectorySyncService {

    private static final int MAX_RECENT = 100;

    private final DirectorySyncs syncs;
    private final SyncRuns runs;
    private final DirectoryConnection connection;

    SyncService(DirectorySyncs syncs, SyncRuns runs, DirectoryConnection connection) {
        this.syncs = syncs;
        this.runs = runs;
        this.connection = connection;
    }

    @Override
    public String connectorType() {
        return connection.type();
    }

    @Override
    public SyncReport request(String trigger, boolean confirmLargeRemoval) {
        return syncs.request(trigger, confirmLargeRemoval).report();
    }

    @Override
    public Optional<SyncReport> find(UUID syncId) {
        return runs.find(syncId).map(SyncRun::report);
    }

    @Override
    public List<SyncReport> recent(int limit) {
        return runs.recent(Math.max(1, Math.min(limit, MAX_RECENT))).stream().map(SyncRun::report).toList();
    }
}
