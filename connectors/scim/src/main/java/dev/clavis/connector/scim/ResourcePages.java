package dev.clavis.connector.scim;

import dev.clavis.connector.spi.PageStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The resources of a list endpoint ({@code /Users}, {@code /Groups}), page by page with {@code startIndex}
 * and {@code count} (RFC 7644 section 3.4.2.4), each page fetched only when the stream's consumer asks for it.
 * The next page starts after the resources actually received, so a server that returns fewer than asked
 * (its own maximum) is still read to the end. Nothing is held between pages, so closing a stream early
 * needs no call to the server.
 */
final class ResourcePages {

    private ResourcePages() {}

    /**
     * @param path the list endpoint, e.g. {@code /Users}
     * @param query further query parameters, e.g. {@code excludedAttributes}
     * @param action what is read, completing "could not ...", for error messages
     */
    static Stream<List<JsonNode>> of(ScimHttp http, String path, Map<String, String> query, int pageSize,
            String action) {
        return PageStream.of(new Pages(http, path, query, pageSize, action));
    }

    private static final class Pages implements PageStream.Cursor<JsonNode> {

        private final ScimHttp http;
        private final String template;
        private final Map<String, Object> variables;
        private final int pageSize;
        private final String action;
        private long startIndex = 1;
        private boolean finished;
        private final Queue<List<JsonNode>> ready = new ArrayDeque<>();

        Pages(ScimHttp http, String path, Map<String, String> query, int pageSize, String action) {
            this.http = http;
            this.pageSize = pageSize;
            this.action = action;
            var template = new StringBuilder(path).append("?startIndex={startIndex}&count={count}");
            query.keySet().forEach(name -> template.append('&').append(name).append("={").append(name).append('}'));
            this.template = template.toString();
            this.variables = new HashMap<>(query);
            this.variables.put("count", pageSize);
        }

        @Override
        public @Nullable List<JsonNode> next() {
            if (ready.isEmpty() && !finished) {
                fetchNextPage();
            }
            return ready.poll();
        }

        private void fetchNextPage() {
            variables.put("startIndex", startIndex);
            JsonNode list = http.get(template, variables, action).body(action);
            List<JsonNode> resources = new ArrayList<>(list.path("Resources").values());
            startIndex += resources.size();
            finished = resources.isEmpty() || startIndex > list.path("totalResults").asLong(0);
            // a server that ignores count must not hand the consumer a page larger than it asked for
            for (int from = 0; from < resources.size(); from += pageSize) {
                ready.add(List.copyOf(resources.subList(from, Math.min(resources.size(), from + pageSize))));
            }
        }
    }
}
