package dev.clavis.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes an entry's hash covers: JSON with keys sorted at every level and times as UTC ISO-8601
 * with milliseconds, so the same content always hashes the same, on any database and any JVM.
 */
final class CanonicalForm {

    static final String GENESIS = "0".repeat(64);

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalForm() {}

    static String data(Map<String, ?> data) {
        return JSON.writeValueAsString(data);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String data) {
        return JSON.readValue(data, LinkedHashMap.class);
    }

    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** Everything the hash covers, in a fixed order, including the previous entry's hash. */
    static String content(long sequence, Instant at, String type, String actor, String subject, String data,
            String previousHash) {
        var content = new LinkedHashMap<String, Object>();
        content.put("sequence", sequence);
        content.put("at", time(at));
        content.put("type", type);
        content.put("actor", actor);
        content.put("subject", subject);
        content.put("data", data);
        content.put("previousHash", previousHash);
        return JSON.writeValueAsString(content);
    }
}
