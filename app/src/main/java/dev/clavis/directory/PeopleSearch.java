package dev.clavis.directory;

import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import org.jspecify.annotations.Nullable;

/** People as last synced, a page at a time, ordered by email: the directory may hold 100,000 of them. */
public interface PeopleSearch {

    Page<Person> search(Criteria criteria, PageRequest page);

    /**
     * Every criterion given must hold; none given lists everyone.
     *
     * @param query part of the display name (any case) or of the email
     * @param department the department, any case
     * @param group the name of a group the person is a direct member of
     */
    record Criteria(@Nullable String query, @Nullable String department, @Nullable String group,
            @Nullable PersonStatus status) {

        public static Criteria matching(@Nullable String query, @Nullable String department) {
            return new Criteria(query, department, null, null);
        }
    }
}
