package dev.clavis.connector.spi;

import java.util.stream.Stream;

/**
 * A connector that can say what changed since an earlier point, so a sync need not read everything.
 * Cursors are opaque to the platform; a provider that can no longer answer from a cursor throws
 * {@link PermanentConnectorException} and the platform falls back to a full read.
 */
public interface DeltaSync {

    /** A cursor for "now", taken before a full read so changes during that read are not lost. */
    String currentCursor();

    /** The changes since the cursor, page by page; the last page's {@code nextCursor} is the one to keep. */
    Stream<DeltaPage> changesSince(String cursor);
}
