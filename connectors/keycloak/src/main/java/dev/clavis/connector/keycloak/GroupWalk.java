package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.PageStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every group of the realm, page by page: the top-level groups, then the children of each group that
 * has any, from {@code /groups/{id}/children} (Keycloak 23 and later no longer nest them in the
 * top-level listing). Holds the ids of groups whose children are still to be listed, not the groups.
 */
final class GroupWalk implements PageStream.Cursor<Representations.Group> {

    private final AdminApi api;
    private final int pageSize;
    private final Deque<String> parentsToList = new ArrayDeque<>();
    private @Nullable String parent;
    private boolean listing = true;
    private int first;

    GroupWalk(AdminApi api, int pageSize) {
        this.api = api;
        this.pageSize = pageSize;
    }

    @Override
    public @Nullable List<Representations.Group> next() {
        while (listing) {
            String listingOf = parent == null ? "/groups" : "/groups/" + Paths.segment(parent) + "/children";
            String action = parent == null ? "list groups" : "list the subgroups of group " + parent;
            Transport.Answer answer = api.get(
                    listingOf + Paths.query("first", first, "max", pageSize, "briefRepresentation", true),
                    Role.QUERY_GROUPS, action);
            if (answer.status() == 404 && parent != null) {
                moveToNextParent(); // deleted since its parent was listed
                continue;
            }
            List<Representations.Group> page = api.read(answer, Representations.GROUPS, action);
            first += pageSize;
            for (Representations.Group group : page) {
                if (group.hasChildren()) {
                    parentsToList.push(group.id());
                }
            }
            if (page.size() < pageSize) {
                moveToNextParent();
            }
            if (!page.isEmpty()) {
                return page;
            }
        }
        return null;
    }

    private void moveToNextParent() {
        first = 0;
        parent = parentsToList.poll();
        listing = parent != null;
    }
}
