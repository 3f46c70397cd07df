package dev.clavis.directory;

import java.util.UUID;

/** A sync completed: the database now reflects the directory as it was read. */
public record DirectorySynced(UUID syncId, int peopleRead, int groupsRead, int membershipsRead, int peopleDeparted) {}
