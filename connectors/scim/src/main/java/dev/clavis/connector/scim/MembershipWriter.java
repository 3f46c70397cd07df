package dev.clavis.connector.scim;

import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.UnknownGroupException;
import dev.clavis.connector.spi.UnknownPersonException;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Adds and removes members with PATCH. A SCIM server answers adding a member who is there, and often
 * removing one who is not, with a plain success, so the connector asks first whether the person is a
 * member. A server that answers {@code noTarget} to a removal that matched nobody (someone else removed
 * the person in between) has it mapped to {@link RemoveOutcome#NOT_A_MEMBER}; from one that answers a
 * plain success, such a race is reported {@link RemoveOutcome#REMOVED}, which leaves the same state.
 *
 * <p>Membership is asked with a filter, {@code id eq "g" and members[value eq "p"]}, where the server
 * filters, so a large group's members are not read; otherwise by reading the group's members.
 */
final class MembershipWriter {

    private final ScimHttp http;
    private final ServerCapabilities capabilities;

    MembershipWriter(ScimHttp http, ServerCapabilities capabilities) {
        this.http = http;
        this.capabilities = capabilities;
    }

    /** The person must exist first: a server without referential integrity would keep a member who is no one. */
    AddOutcome add(MembershipChange change) {
        String action = "add " + change.personId() + " to group " + change.groupId();
        capabilities.requirePatch(action);
        if (isMember(change)) {
            return AddOutcome.ALREADY_MEMBER;
        }
        requirePerson(change.personId());
        Reply reply = http.patch("/Groups/{id}?excludedAttributes=members", Map.of("id", change.groupId()),
                PatchOps.addMember(change.personId()), action);
        if (reply.isNotFound()) {
            throw new UnknownGroupException(change.groupId());
        }
        reply.body(action);
        return AddOutcome.ADDED;
    }

    RemoveOutcome remove(MembershipChange change) {
        String action = "remove " + change.personId() + " from group " + change.groupId();
        capabilities.requirePatch(action);
        if (!isMember(change)) {
            requireGroup(change.groupId());
            return RemoveOutcome.NOT_A_MEMBER;
        }
        Reply reply = http.patch("/Groups/{id}?excludedAttributes=members", Map.of("id", change.groupId()),
                PatchOps.removeMember(http.literal(change.personId())), action);
        if (reply.isNotFound()) {
            throw new UnknownGroupException(change.groupId());
        }
        if (reply.status() == 400 && "noTarget".equals(reply.scimType())) {
            return RemoveOutcome.NOT_A_MEMBER;
        }
        reply.body(action);
        return RemoveOutcome.REMOVED;
    }

    /** False may also mean that the group does not exist, where the answer came from a filter. */
    private boolean isMember(MembershipChange change) {
        if (capabilities.filtersMembers()) {
            Optional<Boolean> filtered = isMemberByFilter(change);
            if (filtered.isPresent()) {
                return filtered.get();
            }
        }
        String action = "read the members of group " + change.groupId();
        Reply reply = http.get("/Groups/{id}?attributes=members", Map.of("id", change.groupId()), action);
        if (reply.isNotFound()) {
            throw new UnknownGroupException(change.groupId());
        }
        return GroupResources.personMembers(reply.body(action)).contains(change.personId());
    }

    /** Empty where the server refuses the filter, or ignores it (an id matches one group at most). */
    private Optional<Boolean> isMemberByFilter(MembershipChange change) {
        String filter = "id eq " + http.literal(change.groupId()) + " and members[value eq "
                + http.literal(change.personId()) + "]";
        String action = "ask whether " + change.personId() + " is a member of group " + change.groupId();
        Reply reply = http.get("/Groups?filter={filter}&attributes=id", Map.of("filter", filter), action);
        if (reply.status() == 400 && "invalidFilter".equals(reply.scimType()) || reply.status() == 501) {
            capabilities.memberFilterFailed();
            return Optional.empty();
        }
        JsonNode list = reply.body(action);
        long matches = list.path("totalResults").asLong(0);
        boolean ignored = matches > 1 || list.path("Resources").values().stream()
                .anyMatch(group -> !change.groupId().equals(Attributes.text(group, "id")));
        if (ignored) {
            capabilities.memberFilterFailed();
            return Optional.empty();
        }
        return Optional.of(matches == 1);
    }

    private void requirePerson(String personId) {
        String action = "read user " + personId;
        Reply reply = http.get("/Users/{id}?attributes=id", Map.of("id", personId), action);
        if (reply.isNotFound()) {
            throw new UnknownPersonException(personId);
        }
        reply.body(action);
    }

    private void requireGroup(String groupId) {
        String action = "read group " + groupId;
        Reply reply = http.get("/Groups/{id}?attributes=id", Map.of("id", groupId), action);
        if (reply.isNotFound()) {
            throw new UnknownGroupException(groupId);
        }
        reply.body(action);
    }
}
