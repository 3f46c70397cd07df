package dev.clavis.connector.okta;

import dev.clavis.connector.spi.DirectoryMembership;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every membership, in pages of at most {@code pageSize}: Okta has no list of all memberships, so this
 * pages through the groups and, group by group, through each one's members, fetching only as far as
 * the consumer has read. Memory holds one page of group ids and two pages of memberships.
 */
final class MembershipPages extends Spliterators.AbstractSpliterator<List<DirectoryMembership>> {

    private final Iterator<List<String>> groupPages;
    private final Function<String, Stream<List<DirectoryMembership>>> membersOf;
    private final int pageSize;
    private final Deque<String> groups = new ArrayDeque<>();
    private final Deque<DirectoryMembership> buffer = new ArrayDeque<>();
    private Iterator<List<DirectoryMembership>> members = Collections.emptyIterator();

    private MembershipPages(Stream<List<String>> groupIds, Function<String, Stream<List<DirectoryMembership>>> membersOf,
            int pageSize) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.groupPages = groupIds.iterator();
        this.membersOf = membersOf;
        this.pageSize = pageSize;
    }

    /**
     * @param groupIds the ids of every group, page by page
     * @param membersOf a group's memberships, page by page
     */
    static Stream<List<DirectoryMembership>> of(Stream<List<String>> groupIds,
            Function<String, Stream<List<DirectoryMembership>>> membersOf, int pageSize) {
        return StreamSupport.stream(new MembershipPages(groupIds, membersOf, pageSize), false);
    }

    @Override
    public boolean tryAdvance(Consumer<? super List<DirectoryMembership>> consumer) {
        boolean more = true;
        while (more && buffer.size() < pageSize) {
            more = fill();
        }
        if (buffer.isEmpty()) {
            return false;
        }
        var page = new ArrayList<DirectoryMembership>(Math.min(pageSize, buffer.size()));
        while (page.size() < pageSize && !buffer.isEmpty()) {
            page.add(buffer.poll());
        }
        consumer.accept(page);
        return true;
    }

    /** Reads the next page of members, moving on to the next group or page of groups as needed. */
    private boolean fill() {
        while (true) {
            if (members.hasNext()) {
                buffer.addAll(members.next());
                return true;
            }
            if (!groups.isEmpty()) {
                members = membersOf.apply(groups.poll()).iterator();
            } else if (groupPages.hasNext()) {
                groups.addAll(groupPages.next());
            } else {
                return false;
            }
        }
    }
}
