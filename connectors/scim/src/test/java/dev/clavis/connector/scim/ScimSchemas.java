package dev.clavis.connector.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what a client sends against the schema representations of RFC 7643 (User, Group, the enterprise
 * extension) and the PatchOp message of RFC 7644, as published in {@code specs/scim/}. Strict where the
 * servers are lenient: an attribute the schema does not have, one of the wrong type, or one a client must
 * not write (mutability {@code readOnly}) is a problem, not something to drop silently.
 */
final class ScimSchemas {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final Set<String> OPS = Set.of("add", "remove", "replace");
    /** An attribute path, optionally with a value filter and a sub-attribute (RFC 7644 section 3.5.2, PATH). */
    private static final Pattern PATH = Pattern.compile("([A-Za-z$][\\w$-]*)(?:\\[(.+)])?(?:\\.([A-Za-z$][\\w$-]*))?");
    private static final Pattern COMPARISON = Pattern.compile(
            "([A-Za-z$][\\w$-]*) (eq|ne|co|sw|ew|gt|lt|ge|le) (\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null|-?\\d+(?:\\.\\d+)?)");

    private final Map<String, Schema> schemas = new LinkedHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    ScimSchemas() {
        for (String file : List.of("schemas_users.json", "schemas_enterprise-user.json", "schemas_groups.json",
                "request_patch-request.json")) {
            Schema schema = Schema.of(read(file));
            schemas.put(schema.urn(), schema);
        }
    }

    /** Problems of a resource sent to be created (POST), of type {@code User} or {@code Group}. */
    List<String> creationProblems(String resourceType, JsonNode body) {
        var problems = new ArrayList<String>();
        Schema core = core(resourceType);
        List<String> extensions = extensions(resourceType);
        if (!body.isObject()) {
            return List.of("the body is not a JSON object");
        }
        var declared = new ArrayList<String>();
        body.path("schemas").forEach(urn -> declared.add(urn.asString()));
        if (!body.path("schemas").isArray() || !declared.contains(core.urn())) {
            problems.add("schemas must list " + core.urn());
        }
        declared.stream().filter(urn -> !urn.equals(core.urn()) && !extensions.contains(urn))
                .forEach(urn -> problems.add("schemas lists " + urn + ", which a " + resourceType + " does not have"));
        for (var property : body.properties()) {
            String name = property.getKey();
            if (name.equals("schemas")) {
                continue;
            }
            if (extensions.contains(name)) {
                if (!declared.contains(name)) {
                    problems.add(name + " is sent but not listed in schemas");
                }
                checkObject(name, schemas.get(name).attributes(), property.getValue(), problems);
                continue;
            }
            Attribute attribute = core.attributes().get(name.toLowerCase(Locale.ROOT));
            if (attribute == null) {
                problems.add("unknown attribute " + name + " of " + core.urn());
            } else {
                check(name, attribute, property.getValue(), problems);
            }
        }
        core.attributes().values().stream()
                .filter(a -> a.required() && !a.mutability().equals("readOnly"))
                .filter(a -> body.properties().stream().noneMatch(p -> p.getKey().equalsIgnoreCase(a.name())))
                .forEach(a -> problems.add("required attribute " + a.name() + " is missing"));
        return problems;
    }

    /** Problems of a PatchOp message (RFC 7644 section 3.5.2) sent to a resource of this type. */
    List<String> patchProblems(String resourceType, JsonNode body) {
        var problems = new ArrayList<String>();
        if (!body.isObject()) {
            return List.of("the body is not a JSON object");
        }
        if (!body.path("schemas").isArray() || body.path("schemas").size() != 1
                || !PATCH_OP.equals(body.path("schemas").path(0).asString(""))) {
            problems.add("schemas must be exactly [" + PATCH_OP + "]");
        }
        body.properties().stream().map(Map.Entry::getKey)
                .filter(name -> !name.equals("schemas") && !name.equals("Operations"))
                .forEach(name -> problems.add("unknown attribute " + name + " of a PatchOp"));
        JsonNode operations = body.path("Operations");
        if (!operations.isArray() || operations.isEmpty()) {
            problems.add("Operations must be a non-empty array");
            return problems;
        }
        for (int i = 0; i < operations.size(); i++) {
            checkOperation("Operations[" + i + "]", resourceType, operations.get(i), problems);
        }
        return problems;
    }

    private void checkOperation(String where, String resourceType, JsonNode operation, List<String> problems) {
        operation.properties().stream().map(Map.Entry::getKey)
                .filter(name -> !Set.of("op", "path", "value").contains(name))
                .forEach(name -> problems.add(where + " has an unknown member " + name));
        String op = operation.path("op").asString("");
        if (!OPS.contains(op)) {
            problems.add(where + ".op must be add, remove or replace, not '" + op + "'");
            return;
        }
        JsonNode value = operation.path("value");
        if (!operation.has("path")) {
            if (op.equals("remove")) {
                problems.add(where + " removes without a path");
            } else {
                checkObject(where + ".value", core(resourceType).attributes(), value, problems);
            }
            return;
        }
        Target target = target(where, resourceType, operation.path("path").asString(""), problems);
        if (target == null) {
            return;
        }
        if (target.attribute().mutability().equals("readOnly")) {
            problems.add(where + " changes " + target.attribute().name() + ", which is read-only");
        }
        if (op.equals("remove")) {
            if (operation.has("value")) {
                problems.add(where + " removes with a value; a remove names its target in the path only");
            }
        } else if (value.isMissingNode()) {
            problems.add(where + " (" + op + ") has no value");
        } else if (target.attribute().multiValued() && !target.filtered() && !value.isArray()) {
            checkSingle(where + ".value", target.attribute(), value, problems);
        } else {
            check(where + ".value", target.filtered() ? target.attribute().single() : target.attribute(), value,
                    problems);
        }
    }

    private Target target(String where, String resourceType, String path, List<String> problems) {
        Map<String, Attribute> attributes = core(resourceType).attributes();
        String local = path;
        for (String extension : extensions(resourceType)) {
            if (path.startsWith(extension + ":")) {
                attributes = schemas.get(extension).attributes();
                local = path.substring(extension.length() + 1);
            }
        }
        Matcher matcher = PATH.matcher(local);
        Attribute attribute = matcher.matches() ? attributes.get(matcher.group(1).toLowerCase(Locale.ROOT)) : null;
        if (attribute == null) {
            problems.add(where + ".path '" + path + "' names no attribute of a " + resourceType);
            return null;
        }
        if (matcher.group(2) != null) {
            if (!attribute.multiValued() || attribute.subAttributes().isEmpty()) {
                problems.add(where + ".path filters " + attribute.name() + ", which is not multi-valued and complex");
            } else {
                checkFilter(where + ".path", attribute, matcher.group(2), problems);
            }
        }
        if (matcher.group(3) != null) {
            Attribute sub = attribute.subAttributes().get(matcher.group(3).toLowerCase(Locale.ROOT));
            if (sub == null) {
                problems.add(where + ".path '" + path + "' names no sub-attribute of " + attribute.name());
                return null;
            }
            return new Target(sub, matcher.group(2) != null);
        }
        return new Target(attribute, matcher.group(2) != null);
    }

    private static void checkFilter(String where, Attribute attribute, String filter, List<String> problems) {
        for (String comparison : filter.split(" (?:and|or) ")) {
            Matcher matcher = COMPARISON.matcher(comparison.strip());
            if (!matcher.matches()) {
                problems.add(where + " has a filter that is not a comparison: '" + comparison + "'");
            } else if (!attribute.subAttributes().containsKey(matcher.group(1).toLowerCase(Locale.ROOT))) {
                problems.add(where + " filters on " + matcher.group(1) + ", which " + attribute.name() + " does not have");
            }
        }
    }

    private void checkObject(String where, Map<String, Attribute> attributes, JsonNode value, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + " must be an object");
            return;
        }
        for (var property : value.properties()) {
            Attribute attribute = attributes.get(property.getKey().toLowerCase(Locale.ROOT));
            if (attribute == null) {
                problems.add(where + " has an unknown attribute " + property.getKey());
            } else {
                check(where + "." + property.getKey(), attribute, property.getValue(), problems);
            }
        }
    }

    private void check(String where, Attribute attribute, JsonNode value, List<String> problems) {
        if (attribute.mutability().equals("readOnly")) {
            problems.add(where + " is read-only; a client must not send it");
        }
        if (value.isNull()) {
            return;
        }
        if (attribute.multiValued()) {
            if (!value.isArray()) {
                problems.add(where + " is multi-valued and must be an array");
                return;
            }
            value.forEach(element -> checkSingle(where + "[]", attribute, element, problems));
        } else {
            checkSingle(where, attribute, value, problems);
        }
    }

    private void checkSingle(String where, Attribute attribute, JsonNode value, List<String> problems) {
        boolean fits = switch (attribute.type()) {
            case "string", "reference", "binary" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "decimal" -> value.isNumber();
            case "dateTime" -> value.isString() && isDateTime(value.asString());
            case "complex" -> value.isObject();
            default -> true;
        };
        if (!fits) {
            problems.add(where + " must be of type " + attribute.type() + ", not " + value);
        } else if (attribute.type().equals("complex")) {
            for (var property : value.properties()) {
                Attribute sub = attribute.subAttributes().get(property.getKey().toLowerCase(Locale.ROOT));
                if (sub == null) {
                    problems.add(where + " has an unknown sub-attribute " + property.getKey());
                } else {
                    check(where + "." + property.getKey(), sub, property.getValue(), problems);
                }
            }
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private Schema core(String resourceType) {
        return switch (resourceType) {
            case "User" -> schemas.get(USER);
            case "Group" -> schemas.get(GROUP);
            default -> throw new IllegalArgumentException("no resource type " + resourceType);
        };
    }

    private static List<String> extensions(String resourceType) {
        return resourceType.equals("User") ? List.of(ENTERPRISE_USER) : List.of();
    }

    private JsonNode read(String file) {
        try (InputStream in = ScimSchemas.class.getResourceAsStream("/specs/scim/" + file)) {
            if (in == null) {
                throw new IllegalStateException("specs/scim/" + file + " is not on the test class path");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Target(Attribute attribute, boolean filtered) {}

    private record Schema(String urn, Map<String, Attribute> attributes) {

        static Schema of(JsonNode schema) {
            return new Schema(schema.path("id").asString(), Attribute.all(schema.path("attributes")));
        }
    }

    /** One attribute definition (RFC 7643 section 7), keyed by its name in lower case: names are case-insensitive. */
    private record Attribute(String name, String type, boolean multiValued, boolean required, String mutability,
            Map<String, Attribute> subAttributes) {

        static Map<String, Attribute> all(JsonNode definitions) {
            var attributes = new LinkedHashMap<String, Attribute>();
            for (JsonNode definition : definitions) {
                var attribute = new Attribute(
                        definition.path("name").asString(),
                        definition.path("type").asString(),
                        definition.path("multiValued").asBoolean(false),
                        definition.path("required").asBoolean(false),
                        definition.path("mutability").asString("readWrite"),
                        all(definition.path("subAttributes")));
                attributes.put(attribute.name().toLowerCase(Locale.ROOT), attribute);
            }
            return attributes;
        }

        /** One value of a multi-valued attribute, as a filtered path addresses it. */
        Attribute single() {
            return new Attribute(name, type, false, required, mutability, subAttributes);
        }
    }
}
