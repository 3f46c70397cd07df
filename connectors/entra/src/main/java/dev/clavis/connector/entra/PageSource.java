package dev.clavis.connector.entra;

import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
        PageSource<T> source = this;
        var pages = new Spliterators.AbstractSpliterator<List<T>>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean finished;

            @Override
            public boolean tryAdvance(Consumer<? super List<T>> consumer) {
                if (finished) {
                    return false;
                }
                List<T> page = source.next();
                if (page == null) {
                    finished = true;
                    return false;
                }
                consumer.accept(page);
                return true;
            }
        };
        return StreamSupport.stream(pages, false);
    }
}
