package dev.clavis.connector.testkit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The directory behind the connector under test, set up and inspected through the directory's own
 * means (an administrator's LDAP connection, a simulator's admin API), never through the connector.
 * Every id here is the id the connector reports for the same person or group.
 */
public interface TestDirectory {

    /**
     * Creates an active person whose display name the connector reports as
     * {@link TestPerson#displayName()}, and answers their id.
     */
    String createPerson(TestPerson person);

    /**
     * Creates a group without members and answers its id. A directory whose groups have no description
     * (see {@link #groupsHaveDescriptions()}) is only ever given null.
     */
    String createGroup(String name, @Nullable String description);

    /**
     * Whether the directory's groups can have a description at all; SCIM's core Group, for one, has none.
     * Where they cannot, the contract seeds groups without one and expects the connector to report none.
     */
    default boolean groupsHaveDescriptions() {
        return true;
    }

    /** Makes the person a direct member of the group. */
    void addMember(String groupId, String personId);

    /**
     * The group's direct members as the directory holds them, one element per stored membership, so a
     * person stored twice appears twice. Members that are not people may be included; the contract only
     * looks for the people it added.
     */
    List<String> members(String groupId);

    /** An id shaped like the connector's group ids that names no group. */
    String unknownGroupId();

    /** An id shaped like the connector's person ids that names no person. */
    String unknownPersonId();

    /**
     * The page size the connector under test was configured with; keep it small (about 10) so that the
     * contract's seed, which spans more than two pages, stays quick to create.
     */
    int pageSize();
}
