package dev.clavis.bench;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A directory sync as Clavis records it ({@code GET /api/v1/directory/sync/{id}}), the parts measured. */
record SyncRecord(String status, String phase, long durationMs, int peopleRead, int groupsRead, int membershipsRead,
        int membershipsAdded, int membershipsRemoved, @Nullable String error) {

    static SyncRecord of(JsonNode sync) {
        JsonNode counts = sync.path("counts");
        JsonNode error = sync.path("error");
        return new SyncRecord(
                sync.path("status").asString(),
                sync.path("phase").asString(),
                sync.path("durationMs").asLong(),
                counts.path("peopleRead").asInt(),
                counts.path("groupsRead").asInt(),
                counts.path("membershipsRead").asInt(),
                counts.path("membershipsAdded").asInt(),
                counts.path("membershipsRemoved").asInt(),
                error.isString() ? error.asString() : null);
    }

    /** Where a sync that has not finished is, for a report that it took too long. */
    String progress() {
        return "phase " + phase + ", " + peopleRead + " people, " + groupsRead + " groups and " + membershipsRead
                + " memberships read";
    }

    boolean finished() {
        return status.equals("SUCCEEDED") || status.equals("FAILED");
    }

    boolean succeeded() {
        return status.equals("SUCCEEDED");
    }
}
