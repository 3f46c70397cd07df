package dev.clavis.bench;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one Clavis run measured.
 *
 * @param problem why the run did not complete both syncs, or null when it did
 * @param first the sync Clavis runs at its first start, into an empty database
 * @param second a sync of the unchanged directory right after it
 * @param sampledMaxBytes the most heap {@link HeapSampler} saw used
 * @param directoryCpuFirst CPU time the embedded directory's JVM spent from Clavis's start to the end of the
 *     first sync: the directory's share of the work, on the same two cores
 * @param directoryCpuSecond the same for the second sync
 */
record Outcome(Database database, @Nullable String problem, @Nullable SyncRecord first, @Nullable SyncRecord second,
        long sampledMaxBytes, int samples, GcLog gc, Duration directoryCpuFirst, Duration directoryCpuSecond,
        RunFiles files) {

    boolean succeeded() {
        return problem == null;
    }
}
