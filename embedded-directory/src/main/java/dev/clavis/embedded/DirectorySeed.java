package dev.clavis.embedded;

import com.unboundid.ldap.sdk.Entry;
import java.util.stream.Stream;

/**
 * The entries a new embedded directory starts with. Used once, when the data folder holds no
 * snapshot yet; after that the directory's own data wins.
 */
@FunctionalInterface
public interface DirectorySeed {

    /**
     * The entries, parents before children, starting with the base entries of {@link DirectoryLayout}.
     * Produced lazily: a seed of 100,000 people is streamed into the server, never listed first.
     */
    Stream<Entry> entries();

    /** Only the base entry, {@code ou=people} and {@code ou=groups}: for a directory filled by other means. */
    static DirectorySeed empty() {
        return () -> Entries.base().stream();
    }
}
