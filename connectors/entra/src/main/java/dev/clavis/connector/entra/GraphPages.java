package dev.clavis.connector.entra;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Graph collection read page by page along {@code @odata.nextLink}. Graph may answer an empty page
 * that still has a next link (delta rounds do); such pages are skipped, never handed on.
 */
final class GraphPages<T> implements PageSource<T> {

    private final GraphClient graph;
    private final GraphAction action;
    private final Function<JsonNode, @Nullable T> mapper;
    private @Nullable URI next;

    /** @param mapper turns one element of {@code value} into a result, or null to leave it out */
    GraphPages(GraphClient graph, URI first, GraphAction action, Function<JsonNode, @Nullable T> mapper) {
        this.graph = graph;
        this.next = first;
        this.action = action;
        this.mapper = mapper;
    }

    @Override
    public @Nullable List<T> next() {
        while (next != null) {
            JsonNode page = graph.get(next, action);
            next = graph.link(page, "@odata.nextLink");
            var items = new ArrayList<T>();
            for (JsonNode element : page.path("value")) {
                T item = mapper.apply(element);
                if (item != null) {
                    items.add(item);
                }
            }
            if (!items.isEmpty()) {
                return items;
            }
        }
        return null;
    }
}
