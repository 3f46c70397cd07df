package dev.clavis.connector.spi;

import java.util.List;

/** One page of changes; ids are provider ids. */
public record DeltaPage(
        List<DirectoryPerson> changedPeople,
        List<String> removedPeople,
        List<DirectoryGroup> changedGroups,
        List<String> removedGroups,
        List<DirectoryMembership> addedMemberships,
        List<DirectoryMembership> removedMemberships,
        String nextCursor) {

    public DeltaPage {
        changedPeople = List.copyOf(changedPeople);
        removedPeople = List.copyOf(removedPeople);
        changedGroups = List.copyOf(changedGroups);
        removedGroups = List.copyOf(removedGroups);
        addedMemberships = List.copyOf(addedMemberships);
        removedMemberships = List.copyOf(removedMemberships);
    }
}
