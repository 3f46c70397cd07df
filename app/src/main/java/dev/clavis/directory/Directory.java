package dev.clavis.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads the directory as last synced. */
public interface Directory {

    Optional<Person> person(UUID id);

    /**
     * The people among these ids the directory has, departed ones too, by id: one read for many people
     * (a stage's approvers may be a whole department).
     */
    Map<UUID, Person> people(Collection<UUID> ids);

    /** Case-insensitive; a person still in the directory wins over a departed one with the same email. */
    Optional<Person> personByEmail(String email);

    /** A Clavis id or an email, as the API accepts people. */
    Optional<Person> resolve(String idOrEmail);

    Optional<Group> groupByName(String name);

    /** The names of the groups the person is a direct member of. */
    Set<String> groupNamesOf(UUID personId);

    /** Which of these group names the directory has. */
    Set<String> existingGroupNames(Collection<String> names);

    /** The directory's own ids of these groups, by name; a name it has no group of is absent. */
    Map<String, String> groupExternalIds(Collection<String> names);

    /**
     * Of these groups, those whose members Clavis cannot change because the connector says another system
     * masters them, each with the connector's reason.
     */
    Map<String, String> groupsManagedElsewhere(Collection<String> names);

    /** The people in the group, by its name. */
    List<Person> membersOf(String groupName);

    /**
     * Records membership changes the directory has just confirmed, so Clavis's copy does not wait for the
     * next sync to show them: the additions in one batch, then the removals in another, in the caller's
     * transaction.
     */
    void recordMemberships(List<MembershipChange> changes);

    /** A membership the directory confirmed: the person is now in the group, or no longer in it. */
    record MembershipChange(String groupName, UUID personId, boolean member) {}
}
