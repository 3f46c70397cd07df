package dev.clavis.connector.okta;

import dev.clavis.connector.spi.PageStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A lazy stream of the pages of one Okta list: the first page is fetched when the consumer asks for it,
 * each further page from the previous answer's {@code Link: <…>; rel="next"} only when asked for in turn.
 * Okta's cursors hold nothing on the server, so a stream closed early leaves nothing to release.
 */
final class PagedRead<T> implements PageStream.Cursor<T> {

    private final OktaApi api;
    private final Function<JsonNode, T> map;
    private final String action;
    private final boolean goneIsEmpty;
    private @Nullable URI next;

    private PagedRead(OktaApi api, URI first, Function<JsonNode, T> map, String action, boolean goneIsEmpty) {
        this.api = api;
        this.next = first;
        this.map = map;
        this.action = action;
        this.goneIsEmpty = goneIsEmpty;
    }

    /**
     * @param action what the stream reads, completing "could not ...", for error messages
     */
    static <T> Stream<List<T>> of(OktaApi api, URI first, Function<JsonNode, T> map, String action) {
        return PageStream.of(new PagedRead<>(api, first, map, action, false));
    }

    /** As {@link #of}, but a list whose owner is gone (404), e.g. a group deleted while it was read, is empty. */
    static <T> Stream<List<T>> emptyIfGone(OktaApi api, URI first, Function<JsonNode, T> map, String action) {
        return PageStream.of(new PagedRead<>(api, first, map, action, true));
    }

    @Override
    public @Nullable List<T> next() {
        while (next != null) {
            List<T> page = fetch(next);
            if (!page.isEmpty()) {
                return page;
            }
        }
        return null;
    }

    /** Fetches one page and remembers the link to the following one, if any. */
    private List<T> fetch(URI uri) {
        next = null;
        OktaApi.Answer answer = api.get(uri, action);
        if (goneIsEmpty && answer.status() == 404) {
            return List.of();
        }
        api.expectSuccess(answer, action);
        Optional<URI> following = api.next(answer);
        var page = new ArrayList<T>(answer.body().size());
        for (JsonNode item : answer.body()) {
            page.add(map.apply(item));
        }
        next = following.orElse(null);
        return page;
    }
}
