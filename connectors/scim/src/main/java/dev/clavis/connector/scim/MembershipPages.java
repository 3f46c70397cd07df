package dev.clavis.connector.scim;

import dev.clavis.connector.spi.DirectoryMembership;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Every membership, in pages of at most the page size. SCIM has no paging for a group's members: groups
 * are listed page by page without their members ({@code excludedAttributes=members}), then each group's
 * members are read on their own ({@code attributes=members}) when the pages before them have been taken.
 * Memory is bounded by one page of groups and the members of one group.
 */
final class MembershipPages {

    private MembershipPages() {}

    static Stream<List<DirectoryMembership>> of(ScimHttp http, int pageSize) {
        Stream<List<JsonNode>> groupPages = ResourcePages.of(http, "/Groups", Map.of("excludedAttributes", "members"),
                pageSize, "list groups");
        return StreamSupport.stream(new Pages(http, groupPages.iterator(), pageSize), false)
                .onClose(groupPages::close);
    }

    private static final class Pages extends Spliterators.AbstractSpliterator<List<DirectoryMembership>> {

        private final ScimHttp http;
        private final Iterator<List<JsonNode>> groupPages;
        private final int pageSize;
        private final Queue<String> groupsToRead = new ArrayDeque<>();
        private final Queue<DirectoryMembership> read = new ArrayDeque<>();

        Pages(ScimHttp http, Iterator<List<JsonNode>> groupPages, int pageSize) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.http = http;
            this.groupPages = groupPages;
            this.pageSize = pageSize;
        }

        @Override
        public boolean tryAdvance(Consumer<? super List<DirectoryMembership>> consumer) {
            while (read.size() < pageSize && (!groupsToRead.isEmpty() || groupPages.hasNext())) {
                if (groupsToRead.isEmpty()) {
                    groupPages.next().forEach(group -> groupsToRead.add(Attributes.id(group, "group")));
                } else {
                    readMembers(groupsToRead.remove());
                }
            }
            if (read.isEmpty()) {
                return false;
            }
            var page = new ArrayList<DirectoryMembership>(Math.min(pageSize, read.size()));
            while (page.size() < pageSize && !read.isEmpty()) {
                page.add(read.remove());
            }
            consumer.accept(page);
            return true;
        }

        /** A group deleted since it was listed has no members to report. */
        private void readMembers(String groupId) {
            String action = "read the members of group " + groupId;
            Reply reply = http.get("/Groups/{id}?attributes=members", Map.of("id", groupId), action);
            if (reply.isNotFound()) {
                return;
            }
            GroupResources.personMembers(reply.body(action)).stream()
                    .distinct()
                    .forEach(personId -> read.add(new DirectoryMembership(groupId, personId)));
        }
    }
}
