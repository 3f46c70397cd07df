package dev.clavis.connector.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Reads a connector's paged streams in tests, always closing them. */
final class Pages {

    private Pages() {}

    static <T> List<List<T>> all(Supplier<Stream<List<T>>> read) {
        try (Stream<List<T>> pages = read.get()) {
            var result = new ArrayList<List<T>>();
            pages.forEach(page -> result.add(List.copyOf(page)));
            return result;
        }
    }

    static <T> List<T> flat(Supplier<Stream<List<T>>> read) {
        return all(read).stream().flatMap(List::stream).toList();
    }

    /** Takes the first page only and closes the stream, as a caller that stops early does. */
    static <T> List<T> first(Supplier<Stream<List<T>>> read) {
        try (Stream<List<T>> pages = read.get()) {
            var iterator = pages.iterator();
            return iterator.hasNext() ? iterator.next() : List.of();
        }
    }
}
