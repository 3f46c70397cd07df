package dev.clavis.directory.internal;

import dev.clavis.directory.DirectoryConnection;
import dev.clavis.directory.SyncReport;
import dev.clavis.platform.NotFoundException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SyncController {

    private final DirectorySyncs syncs;
    private final SyncRuns runs;
    private final DirectoryConnection connection;

    SyncController(DirectorySyncs syncs, SyncRuns runs, DirectoryConnection connection) {
        this.syncs = syncs;
        this.runs = runs;
        this.connection = connection;
    }

    record SyncView(
            UUID syncId,
            String trigger,
            String status,
            String phase,
            Instant requestedAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable Long durationMs,
            SyncReport.Counts counts,
            @Nullable String error) {

        static SyncView of(SyncRun run) {
            var duration = run.duration();
            return new SyncView(run.id(), run.trigger(), run.status().name(), run.phase(), run.requestedAt(),
                    run.startedAt(), run.finishedAt(), duration == null ? null : duration.toMillis(), run.counts(),
                    run.error());
        }
    }

    /** Answers at once; the sync runs in the background. A sync already queued or running is reused. */
    @PostMapping("/api/v1/directory/sync")
    ResponseEntity<Map<String, Object>> sync(@RequestParam(defaultValue = "false") boolean confirmLargeRemoval) {
        SyncRun run = syncs.request("api", confirmLargeRemoval);
        URI status = URI.create("/api/v1/directory/sync/" + run.id());
        var body = new LinkedHashMap<String, Object>();
        body.put("syncId", run.id());
        body.put("status", run.status().name());
        body.put("statusUrl", status.toString());
        return ResponseEntity.accepted().location(status).body(body);
    }

    @GetMapping("/api/v1/directory/sync/{syncId}")
    SyncView status(@PathVariable UUID syncId) {
        return runs.find(syncId).map(SyncView::of)
                .orElseThrow(() -> new NotFoundException("There is no directory sync " + syncId));
    }

    /** Which directory Clavis uses and how its last sync went. */
    @GetMapping("/api/v1/directory")
    Map<String, Object> directory() {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", connection.type());
        body.put("lastSync", runs.lastFinished().map(SyncView::of).orElse(null));
        body.put("currentSync", runs.unfinished().map(SyncView::of).orElse(null));
        return body;
    }
}
