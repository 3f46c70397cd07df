package dev.clavis.slack.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Slack's form-encoded bodies, read only after their signature was checked against the same bytes. */
final class SlackForm {

    private SlackForm() {}

    static Map<String, String> parse(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static Map<String, String> parse(String body) {
        var fields = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new Malformed("the form is not URL-encoded");
            }
        }
        return fields;
    }

    /** The form Slack would have sent these fields in: what a command over Socket Mode is kept as. */
    static String encode(Map<String, String> fields) {
        var form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw new Malformed("'" + field + "' is missing");
        }
        return value;
    }

    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }
}
