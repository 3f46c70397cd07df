package dev.clavis.connector.google;

import dev.clavis.connector.spi.PageStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Directory API list, and the lazy streams made of them.
 *
 * @param nextPageToken Google's token for the next page; null on the last
 */
record Page<T>(List<T> items, @Nullable String nextPageToken) {

    /**
     * The pages of a list, each fetched only when the previous one has been consumed. Pages Google
     * answers empty but with a next token are passed over, so no element is an empty list.
     *
     * @param fetch reads the page a token names; null names the first
     */
    static <T> Stream<List<T>> stream(Function<@Nullable String, Page<T>> fetch) {
        return PageStream.of(new Pages<>(fetch));
    }

    /** Regroups a lazy stream of elements into pages of at most {@code size}. */
    static <T> Stream<List<T>> regroup(Stream<T> elements, int size) {
        var iterator = elements.iterator();
        var pages = new Spliterators.AbstractSpliterator<List<T>>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super List<T>> action) {
                if (!iterator.hasNext()) {
                    return false;
                }
                var page = new ArrayList<T>(size);
                while (page.size() < size && iterator.hasNext()) {
                    page.add(iterator.next());
                }
                action.accept(List.copyOf(page));
                return true;
            }
        };
        return StreamSupport.stream(pages, false).onClose(elements::close);
    }

    private static final class Pages<T> implements PageStream.Cursor<T> {

        private final Function<@Nullable String, Page<T>> fetch;
        private @Nullable String token;
        private boolean finished;

        Pages(Function<@Nullable String, Page<T>> fetch) {
            this.fetch = fetch;
        }

        @Override
        public @Nullable List<T> next() {
            while (!finished) {
                Page<T> page = fetch.apply(token);
                token = page.nextPageToken();
                finished = token == null || token.isEmpty();
                if (!page.items().isEmpty()) {
                    return List.copyOf(page.items());
                }
            }
            return null;
        }
    }
}
