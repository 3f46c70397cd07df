package dev.clavis.connector.google;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One request to the Directory API, relative to {@code /admin/directory/v1}.
 *
 * @param path already encoded; build it with {@link #path(String...)}
 */
record Call(String method, String path, Map<String, String> query, @Nullable JsonNode body) {

    Call {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    static Call get(String path) {
        return new Call("GET", path, Map.of(), null);
    }

    static Call post(String path, JsonNode body) {
        return new Call("POST", path, Map.of(), body);
    }

    static Call put(String path, JsonNode body) {
        return new Call("PUT", path, Map.of(), body);
    }

    static Call delete(String path) {
        return new Call("DELETE", path, Map.of(), null);
    }

    Call with(String parameter, @Nullable Object value) {
        if (value == null) {
            return this;
        }
        var more = new LinkedHashMap<>(query);
        more.put(parameter, value.toString());
        return new Call(method, path, more, body);
    }

    /** Joins path segments, encoding each: ids and emails are taken from the caller as they are. */
    static String path(String... segments) {
        return Arrays.stream(segments)
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/", "/", ""));
    }

    String queryString() {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
