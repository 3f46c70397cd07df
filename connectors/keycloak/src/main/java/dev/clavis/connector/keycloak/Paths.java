package dev.clavis.connector.keycloak;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds admin API paths whose ids and query values cannot change the path they are put in. */
final class Paths {

    private Paths() {}

    /** One path segment, percent-encoded: an id such as {@code ../clients} stays one segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string from name, value pairs, in order: {@code ?first=0&max=100}. */
    static String query(Object... namesAndValues) {
        var pairs = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i].toString(), namesAndValues[i + 1].toString());
        }
        return pairs.entrySet().stream()
                .map(pair -> segment(pair.getKey()) + "=" + segment(pair.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
