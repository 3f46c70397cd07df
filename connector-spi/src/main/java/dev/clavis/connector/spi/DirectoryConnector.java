package dev.clavis.connector.spi;

import java.util.List;
import java.util.stream.Stream;

/**
 * A live connection to one identity provider.
 *
 * <p>Each read returns a lazy stream whose elements are pages as the provider serves them: the next
 * page is fetched only when the previous one has been consumed, so a caller that processes page by
 * page never holds the whole directory in memory. Streams hold provider resources: close them
 * (try-with-resources). Ids are the provider's own stable identifiers.
 *
 * <p>Implementations are safe for concurrent use.
 */
public interface DirectoryConnector extends AutoCloseable {

    /**
     * Checks that the provider answers and the credentials work.
     *
     * @throws ConnectorException saying what is wrong in words an operator can act on
     */
    void verify();

    /** Every person the connector can see, active and suspended. */
    Stream<List<DirectoryPerson>> people();

    /** Every group the connector can see. */
    Stream<List<DirectoryGroup>> groups();

    /** Every direct membership of a person in a group; members that are not people are left out. */
    Stream<List<DirectoryMembership>> memberships();

    /** Releases connections; never throws. */
    @Override
    void close();
}
