package dev.clavis.connector.keycloak;

import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Lazy streams of pages: a page is fetched when the stream's consumer asks for it. Nothing is held
 * between pages but the position, so a stream closed early needs no clean-up on Keycloak's side.
 */
final class PageStreams {

    private PageStreams() {}

    /** Pages fetched one at a time, each only when asked for. */
    interface Cursor<T> {

        /** The next page, never empty; null once there are no more. */
        @Nullable List<T> next();
    }

    static <T> Stream<List<T>> of(Cursor<T> cursor) {
        return StreamSupport.stream(new Spliterators.AbstractSpliterator<List<T>>(
                Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean finished;

            @Override
            public boolean tryAdvance(Consumer<? super List<T>> consumer) {
                if (finished) {
                    return false;
                }
                List<T> page;
                try {
                    page = cursor.next();
                } catch (RuntimeException e) {
                    finished = true;
                    throw e;
                }
                if (page == null) {
                    finished = true;
                    return false;
                }
                consumer.accept(page);
                return true;
            }
        }, false);
    }
}
