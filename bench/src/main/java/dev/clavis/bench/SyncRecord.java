package dev.clavis.bench;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A directory sync as Clavis records it ({@code GET /api/v1/directory/sync/{id}}), the parts measured. */
record SyncRecord(String status, String phase, long durationMs, int peopleRead, int groupsRead, int membershipsRead,
        int changes, @Nullable String error) {

    private static final String[] CHANGE_COUNTS = {"peopleAdded", "peopleUpdated", "peopleDeparted", "groupsAdded",
        "groupsRemoved", "membershipsAdded", "membershipsRemoved"};

    static SyncRecord of(JsonNode sync) {
        JsonNode counts = sync.path("counts");
        int changes = 0;
        for (String count : CHANGE_COUNTS) {
            changes += counts.path(count).asInt();
        }
        JsonNode error = sync.path("error");
        return new SyncRecord(
                sync.path("status").asString(),
                sync.path("phase").asString(),
                sync.path("durationMs").asLong(),
                counts.path("peopleRead").asInt(),
                counts.path("groupsRead").asInt(),
                counts.path("membershipsRead").asInt(),
                changes,
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
