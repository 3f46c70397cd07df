package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Pages fetched one at a time, each only when asked for. */
interface PageCursor<T> {

    /** The next page, never empty; null once there are no more. */
    @Nullable List<T> next() throws LDAPException;

    /** Tells the server that the rest is not wanted, so it can drop what it kept for this read. */
    void abandon() throws LDAPException;

    default <R> PageCursor<R> map(Function<? super T, ? extends R> mapper) {
        PageCursor<T> source = this;
        return new PageCursor<>() {
            @Override
            public @Nullable List<R> next() throws LDAPException {
                List<T> page = source.next();
                return page == null ? null : page.stream().<R>map(mapper).toList();
            }

            @Override
            public void abandon() throws LDAPException {
                source.abandon();
            }
        };
    }
}
