package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy streams of pages: a page is fetched when the stream's consumer asks for it, on the stream's own
 * connection, which goes back to the pool when the last page has arrived, when a read fails, or when
 * the stream is closed, whichever comes first.
 */
final class PageStreams {

    private PageStreams() {}

    /**
     * @param action what the stream reads, completing "could not ...", for error messages
     */
    static <T> Stream<List<T>> of(ConnectionLease lease, PageCursor<T> cursor, Failures failures, String action) {
        var pages = new Pages<>(lease, cursor, failures, action);
        return StreamSupport.stream(pages, false).onClose(pages::close);
    }

    private static final class Pages<T> extends Spliterators.AbstractSpliterator<List<T>> {

        private final ConnectionLease lease;
        private final PageCursor<T> cursor;
        private final Failures failures;
        private final String action;
        private boolean finished;

        Pages(ConnectionLease lease, PageCursor<T> cursor, Failures failures, String action) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.lease = lease;
            this.cursor = cursor;
            this.failures = failures;
            this.action = action;
        }

        @Override
        public boolean tryAdvance(Consumer<? super List<T>> consumer) {
            if (finished) {
                return false;
            }
            List<T> page;
            try {
                page = cursor.next();
            } catch (LDAPException e) {
                finished = true;
                lease.returnAfter(e);
                throw failures.classify(e, action);
            } catch (RuntimeException e) {
                finished = true;
                lease.close();
                throw e;
            }
            if (page == null) {
                finished = true;
                lease.close();
                return false;
            }
            consumer.accept(page);
            return true;
        }

        /** Never throws: a server that cannot be told to stop loses the connection instead. */
        void close() {
            if (finished) {
                return;
            }
            finished = true;
            try {
                cursor.abandon();
                lease.close();
            } catch (LDAPException e) {
                lease.returnAfter(e);
            }
        }
    }
}
