package dev.clavis.connector.entra;

import dev.clavis.connector.spi.DirectoryMembership;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every group's user members, in pages of at most {@code pageSize} memberships: the groups are read page
 * by page, and each group's members page by page, only as the consumer asks for more.
 */
final class MembershipPages implements PageSource<DirectoryMembership> {

    private final PageSource<String> groupIds;
    private final Function<String, PageSource<DirectoryMembership>> membersOf;
    private final int pageSize;
    private final List<String> pendingGroups = new ArrayList<>();
    private final List<DirectoryMembership> buffer = new ArrayList<>();
    private @Nullable PageSource<DirectoryMembership> currentGroup;
    private boolean groupsExhausted;

    MembershipPages(PageSource<String> groupIds, Function<String, PageSource<DirectoryMembership>> membersOf,
            int pageSize) {
        this.groupIds = groupIds;
        this.membersOf = membersOf;
        this.pageSize = pageSize;
    }

    @Override
    public @Nullable List<DirectoryMembership> next() {
        while (buffer.size() < pageSize && fill()) {
            // fill() added a page of one group's members
        }
        if (buffer.isEmpty()) {
            return null;
        }
        List<DirectoryMembership> page = List.copyOf(buffer.subList(0, Math.min(pageSize, buffer.size())));
        buffer.subList(0, page.size()).clear();
        return page;
    }

    /** Adds the next page of members to the buffer; false when every group has been read. */
    private boolean fill() {
        while (true) {
            if (currentGroup != null) {
                List<DirectoryMembership> members = currentGroup.next();
                if (members != null) {
                    buffer.addAll(members);
                    return true;
                }
                currentGroup = null;
            }
            if (pendingGroups.isEmpty()) {
                List<String> ids = groupsExhausted ? null : groupIds.next();
                if (ids == null) {
                    groupsExhausted = true;
                    return false;
                }
                pendingGroups.addAll(ids);
            }
            currentGroup = membersOf.apply(pendingGroups.remove(0));
        }
    }
}
