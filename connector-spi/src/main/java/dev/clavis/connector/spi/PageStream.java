package dev.clavis.connector.spi;

import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The lazy stream of pages a {@link DirectoryConnector} answers with: a page is fetched only when the
 * stream's consumer asks for it, so a read holds one page at a time whatever the directory's size.
 */
public final class PageStream {

    private PageStream() {}

    /** Pages fetched one at a time, each only when asked for. */
    @FunctionalInterface
    public interface Cursor<T> {

        /** The next page, never empty; null once there are no more. */
        @Nullable List<T> next();
    }

    /** The cursor's pages; after it has answered null or thrown, the stream asks it nothing more. */
    public static <T> Stream<List<T>> of(Cursor<T> cursor) {
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
