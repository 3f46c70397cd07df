package dev.clavis.connector.google;

import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.UnknownGroupException;
import dev.clavis.connector.spi.UnknownPersonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds and removes group members, reading Google's own answers: 409 {@code duplicate} on insert means
 * already a member, 404 on delete not a member. Google answers 404 alike for a missing group and a
 * missing member, so a 404 is followed by one look at the group to tell which.
 */
final class Memberships {

    private final DirectoryApi api;

    Memberships(DirectoryApi api) {
        this.api = api;
    }

    /**
     * members.insert needs the member's email: Google's Member reference says {@code email} "is required
     * when adding a member to a group", and documents the unique {@code id} only as a memberKey in URLs.
     * An email can move from one person to another, so it is read afresh from the person's id each time
     * rather than remembered.
     */
    AddOutcome add(MembershipChange change) {
        String action = "add " + change.personId() + " to group " + change.groupId();
        Response person = api.send(Call.get(Call.path("users", change.personId())), action);
        if (person.status() == 404) {
            throw new UnknownPersonException(change.personId());
        }
        if (!person.succeeded()) {
            throw api.failures().of(person, action);
        }
        var member = JsonMapper.shared().createObjectNode()
                .put("email", person.body().path("primaryEmail").asString())
                .put("role", "MEMBER");
        Response added = api.send(Call.post(Call.path("groups", change.groupId(), "members"), member), action);
        if (added.succeeded()) {
            return AddOutcome.ADDED;
        }
        if (added.status() == 409) {
            return AddOutcome.ALREADY_MEMBER;
        }
        if (added.status() == 404) {
            requireGroup(change.groupId(), action);
            throw new UnknownPersonException(change.personId());
        }
        throw api.failures().of(added, action);
    }

    RemoveOutcome remove(MembershipChange change) {
        String action = "remove " + change.personId() + " from group " + change.groupId();
        Response removed = api.send(Call.delete(Call.path("groups", change.groupId(), "members", change.personId())),
                action);
        if (removed.succeeded()) {
            return RemoveOutcome.REMOVED;
        }
        if (removed.status() == 404) {
            requireGroup(change.groupId(), action);
            return RemoveOutcome.NOT_A_MEMBER;
        }
        throw api.failures().of(removed, action);
    }

    private void requireGroup(String groupId, String action) {
        Response group = api.send(Call.get(Call.path("groups", groupId)), action);
        if (group.status() == 404) {
            throw new UnknownGroupException(groupId);
        }
        if (!group.succeeded()) {
            throw api.failures().of(group, action);
        }
    }
}
