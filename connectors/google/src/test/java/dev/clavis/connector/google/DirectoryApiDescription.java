package dev.clavis.connector.google;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Directory API as {@code google-directory/directory_v1.json} describes it (an excerpt of Google's
 * discovery document written from the reference pages; see the README beside it), and the checks a
 * request and a response must pass against it.
 */
final class DirectoryApiDescription {

    private final JsonNode document;
    private final List<JsonNode> methods = new ArrayList<>();

    private DirectoryApiDescription(JsonNode document) {
        this.document = document;
        document.path("resources").forEach(resource -> resource.path("methods").forEach(methods::add));
    }

    static DirectoryApiDescription load() {
        try (InputStream in = DirectoryApiDescription.class.getResourceAsStream("/google-directory/directory_v1.json")) {
            if (in == null) {
                throw new IllegalStateException("google-directory/directory_v1.json is not on the test class path");
            }
            return new DirectoryApiDescription(JsonMapper.shared().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A described method and the path parameters a request gave it. */
    record Match(JsonNode method, Map<String, String> pathParameters) {

        String id() {
            return method.path("id").asString();
        }

        List<String> scopes() {
            var scopes = new ArrayList<String>();
            method.path("scopes").forEach(scope -> scopes.add(scope.asString()));
            return scopes;
        }
    }

    /** The method whose HTTP method and path template match; path segments arrive decoded. */
    Optional<Match> match(String httpMethod, List<String> segments) {
        for (JsonNode method : methods) {
            if (!method.path("httpMethod").asString().equals(httpMethod)) {
                continue;
            }
            String[] template = method.path("path").asString().split("/");
            if (template.length != segments.size()) {
                continue;
            }
            var parameters = new HashMap<String, String>();
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{")) {
                    parameters.put(template[i].substring(1, template[i].length() - 1), segments.get(i));
                } else {
                    matches = template[i].equals(segments.get(i));
                }
            }
            if (matches) {
                return Optional.of(new Match(method, parameters));
            }
        }
        return Optional.empty();
    }

    /** Everything about a request that the description does not allow, in words. */
    List<String> requestViolations(Match match, Map<String, String> query, @Nullable JsonNode body) {
        var violations = new ArrayList<String>();
        JsonNode parameters = match.method().path("parameters");
        for (var entry : query.entrySet()) {
            JsonNode parameter = parameters.path(entry.getKey());
            if (parameter.isMissingNode() || !parameter.path("location").asString().equals("query")) {
                parameter = document.path("parameters").path(entry.getKey());
            }
            if (parameter.isMissingNode()) {
                violations.add(match.id() + " has no query parameter '" + entry.getKey() + "'");
            } else {
                checkValue(parameter, entry.getValue(), match.id() + " parameter " + entry.getKey(), violations);
            }
        }
        parameters.properties().forEach(entry -> {
            if (entry.getValue().path("required").asBoolean(false)
                    && entry.getValue().path("location").asString().equals("path")
                    && match.pathParameters().getOrDefault(entry.getKey(), "").isEmpty()) {
                violations.add(match.id() + " needs path parameter " + entry.getKey());
            }
        });
        JsonNode oneOf = match.method().path("x-requiresOneOf");
        if (!oneOf.isMissingNode()) {
            var names = new ArrayList<String>();
            oneOf.forEach(name -> names.add(name.asString()));
            if (names.stream().noneMatch(query::containsKey)) {
                violations.add(match.id() + " needs one of " + names);
            }
        }
        JsonNode request = match.method().path("request");
        if (request.isMissingNode() && body != null) {
            violations.add(match.id() + " takes no request body");
        } else if (!request.isMissingNode()) {
            if (body == null) {
                violations.add(match.id() + " needs a request body");
            } else {
                checkNode(body, request, match.id() + " request", match.id(), true, violations);
            }
        }
        return violations;
    }

    /** Everything about a successful response that the description does not allow, in words. */
    List<String> responseViolations(Match match, JsonNode body) {
        var violations = new ArrayList<String>();
        JsonNode response = match.method().path("response");
        if (!response.isMissingNode()) {
            checkNode(body, response, match.id() + " response", match.id(), false, violations);
        }
        return violations;
    }

    /** The error body Google sends for a named error of {@code x-errors}, with {key} filled in. */
    JsonNode error(String name, String key) {
        JsonNode template = document.path("x-errors").path(name);
        if (template.isMissingNode()) {
            throw new IllegalArgumentException("no error " + name + " in directory_v1.json");
        }
        String message = template.path("message").asString().replace("{key}", key);
        var json = JsonMapper.shared();
        var error = json.createObjectNode();
        var inner = error.putObject("error").put("code", template.path("code").asInt()).put("message", message);
        inner.putArray("errors").addObject()
                .put("message", message)
                .put("domain", template.path("domain").asString())
                .put("reason", template.path("reason").asString());
        inner.put("status", template.path("status").asString());
        return error;
    }

    JsonNode tokenEndpoint() {
        return document.path("x-tokenEndpoint");
    }

    private void checkNode(JsonNode node, JsonNode schema, String where, String methodId, boolean request,
            List<String> violations) {
        if (schema.has("$ref")) {
            checkNode(node, document.path("schemas").path(schema.path("$ref").asString()), where, methodId, request,
                    violations);
            return;
        }
        switch (schema.path("type").asString("any")) {
            case "object" -> checkObject(node, schema, where, methodId, request, violations);
            case "array" -> {
                if (!node.isArray()) {
                    violations.add(where + " must be an array");
                } else {
                    for (int i = 0; i < node.size(); i++) {
                        checkNode(node.get(i), schema.path("items"), where + "[" + i + "]", methodId, request,
                                violations);
                    }
                }
            }
            case "string" -> {
                if (!node.isString()) {
                    violations.add(where + " must be a string");
                } else {
                    checkValue(schema, node.asString(), where, violations);
                }
            }
            case "boolean" -> {
                if (!node.isBoolean()) {
                    violations.add(where + " must be true or false");
                }
            }
            case "integer" -> {
                if (!node.isIntegralNumber()) {
                    violations.add(where + " must be a whole number");
                }
            }
            default -> { }
        }
    }

    private void checkObject(JsonNode node, JsonNode schema, String where, String methodId, boolean request,
            List<String> violations) {
        if (!node.isObject()) {
            violations.add(where + " must be an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        node.properties().forEach(entry -> {
            JsonNode property = properties.path(entry.getKey());
            String field = where + "." + entry.getKey();
            if (property.isMissingNode()) {
                violations.add(field + " is not a field of " + schema.path("id").asString());
            } else if (request && property.path("readOnly").asBoolean(false)) {
                violations.add(field + " is read-only");
            } else if (!request && property.path("writeOnly").asBoolean(false)) {
                violations.add(field + " is never returned");
            } else {
                checkNode(entry.getValue(), property, field, methodId, request, violations);
            }
        });
        if (request) {
            properties.properties().forEach(entry -> {
                for (JsonNode required : entry.getValue().path("annotations").path("required")) {
                    if (required.asString().equals(methodId) && !node.has(entry.getKey())) {
                        violations.add(where + "." + entry.getKey() + " is required by " + methodId);
                    }
                }
            });
        }
    }

    private static void checkValue(JsonNode schema, String value, String where, List<String> violations) {
        switch (schema.path("type").asString()) {
            case "integer" -> {
                try {
                    long number = Long.parseLong(value);
                    if (schema.has("minimum") && number < Long.parseLong(schema.path("minimum").asString())
                            || schema.has("maximum") && number > Long.parseLong(schema.path("maximum").asString())) {
                        violations.add(where + " must be between " + schema.path("minimum").asString() + " and "
                                + schema.path("maximum").asString() + ", not " + value);
                    }
                } catch (NumberFormatException e) {
                    violations.add(where + " must be a whole number, not " + value);
                }
            }
            case "boolean" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    violations.add(where + " must be true or false, not " + value);
                }
            }
            default -> { }
        }
        if (schema.has("enum")) {
            var allowed = new ArrayList<String>();
            schema.path("enum").forEach(e -> allowed.add(e.asString()));
            if (!allowed.contains(value)) {
                violations.add(where + " must be one of " + allowed + ", not " + value);
            }
        }
    }
}
