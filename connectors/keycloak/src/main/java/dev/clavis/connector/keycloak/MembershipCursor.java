package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.PageStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every direct membership, group by group as {@link GroupWalk} finds them, a page of a group's members
 * per call of {@code /groups/{id}/members}. Keycloak's groups hold only people (subgroups are
 * children, not members), so every member is a person. Memory is one page of groups and one of members.
 */
final class MembershipCursor implements PageStream.Cursor<DirectoryMembership> {

    private final AdminApi api;
    private final int pageSize;
    private final GroupWalk groups;
    private final Deque<String> groupsToRead = new ArrayDeque<>();
    private @Nullable String group;
    private int first;

    MembershipCursor(AdminApi api, int pageSize) {
        this.api = api;
        this.pageSize = pageSize;
        this.groups = new GroupWalk(api, pageSize);
    }

    @Override
    public @Nullable List<DirectoryMembership> next() {
        while (true) {
            if (group == null && !startNextGroup()) {
                return null;
            }
            String groupId = group;
            String action = "list the members of group " + groupId;
            Transport.Answer answer = api.get("/groups/" + Paths.segment(groupId) + "/members"
                    + Paths.query("first", first, "max", pageSize, "briefRepresentation", true), Role.VIEW_USERS, action);
            if (answer.status() == 404) {
                group = null; // deleted since it was listed
                continue;
            }
            List<Representations.User> members = api.read(answer, Representations.USERS, action);
            first += pageSize;
            if (members.size() < pageSize) {
                group = null;
            }
            if (!members.isEmpty()) {
                return members.stream().map(member -> new DirectoryMembership(groupId, member.id())).toList();
            }
        }
    }

    private boolean startNextGroup() {
        if (groupsToRead.isEmpty()) {
            List<Representations.Group> page = groups.next();
            if (page == null) {
                return false;
            }
            page.forEach(listed -> groupsToRead.add(listed.id()));
        }
        group = groupsToRead.poll();
        first = 0;
        return true;
    }
}
