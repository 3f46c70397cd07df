package dev.clavis.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Directory syncs as an admin sees them: the connector, the recent runs, and asking for one now. */
public interface DirectorySyncService {

    /** {@code ldap}, {@code okta}, …: the connector in use. */
    String connectorType();

    /**
     * Asks for a sync; a sync already queued or running is that one.
     *
     * @param confirmLargeRemoval let this sync mark departed or remove more than the configured share
     */
    SyncReport request(String trigger, boolean confirmLargeRemoval);

    Optional<SyncReport> find(UUID syncId);

    /** The latest syncs, newest first, at most {@code limit}. */
    List<SyncReport> recent(int limit);
}
