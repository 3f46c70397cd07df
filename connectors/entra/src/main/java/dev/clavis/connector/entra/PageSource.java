package dev.clavis.connector.entra;

import dev.clavis.connector.spi.PageStream;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Pages fetched one at a time, each only when asked for. */
interface PageSource<T> {

    /** The next page, never empty; null once there are no more. */
    @Nullable List<T> next();

    /**
     * A lazy stream of this source's pages. Graph keeps no server-side state for a read, so closing the
     * stream early needs no call.
     */
    default Stream<List<T>> stream() {
        return PageStream.of(this::next);
    }
}
