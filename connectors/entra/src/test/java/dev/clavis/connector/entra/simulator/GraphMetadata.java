package dev.clavis.connector.entra.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft Graph's published type metadata (the CSDL of v1.0, in {@code specs/msgraph/}), read once, and
 * the checks the simulator makes with it: every JSON body the connector sends and every entity the
 * simulator answers has only properties its type declares, each of the declared type, and every
 * {@code $select} names properties the type has.
 *
 * <p>Graph's user and group are open types; the only dynamic properties Graph actually accepts on them
 * are directory extensions ({@code extension_<app id>_<name>}), so any other undeclared name is refused.
 */
public final class GraphMetadata {

    private static final String RESOURCE = "/specs/msgraph/v1.0-cleanMetadata.csdl.xml";
    private static volatile GraphMetadata instance;

    /** Structured types by qualified name, e.g. {@code microsoft.graph.user}. */
    private final Map<String, StructuredType> types;
    private final Map<String, List<String>> enums;

    private GraphMetadata(Map<String, StructuredType> types, Map<String, List<String>> enums) {
        this.types = types;
        this.enums = enums;
    }

    public static GraphMetadata v1() {
        if (instance == null) {
            synchronized (GraphMetadata.class) {
                if (instance == null) {
                    instance = load();
                }
            }
        }
        return instance;
    }

    /** A structural or navigation property of the type or one of its base types. */
    public Optional<String> propertyType(String typeName, String property) {
        for (StructuredType type = types.get(typeName); type != null; type = type.baseType() == null ? null : types.get(type.baseType())) {
            String declared = type.properties().get(property);
            if (declared != null) {
                return Optional.of(declared);
            }
        }
        return Optional.empty();
    }

    public boolean isNavigation(String typeName, String property) {
        for (StructuredType type = types.get(typeName); type != null; type = type.baseType() == null ? null : types.get(type.baseType())) {
            if (type.navigation().contains(property)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasType(String typeName) {
        return types.containsKey(typeName);
    }

    /** What is wrong with {@code $select} on this type, e.g. an unknown property; empty when it is fine. */
    public List<String> checkSelect(String typeName, List<String> selected) {
        var problems = new ArrayList<String>();
        for (String property : selected) {
            if (propertyType(typeName, property).isEmpty()) {
                problems.add("Could not find a property named '" + property + "' on type '" + typeName + "'.");
            }
        }
        return problems;
    }

    /**
     * What is wrong with a JSON object as an instance of the type: unknown properties, values of the wrong
     * JSON type. Instance annotations ({@code @odata.type}, {@code manager@odata.bind}...) are checked
     * for their property only.
     */
    public List<String> check(String typeName, JsonNode object) {
        var problems = new ArrayList<String>();
        checkObject(typeName, object, "", problems);
        return problems;
    }

    private void checkObject(String typeName, JsonNode object, String path, List<String> problems) {
        if (!object.isObject()) {
            problems.add(path + " should be an object of type " + typeName);
            return;
        }
        String actualType = typeName;
        JsonNode odataType = object.path("@odata.type");
        if (odataType.isString()) {
            actualType = odataType.asString().substring(1);
            if (!hasType(actualType) || !derivesFrom(actualType, typeName)) {
                problems.add(path + "@odata.type " + odataType.asString() + " is not a " + typeName);
                return;
            }
        }
        for (var field : object.properties()) {
            String name = field.getKey();
            String at = path + name;
            if (name.startsWith("@")) {
                continue;
            }
            int annotation = name.indexOf('@');
            String property = annotation > 0 ? name.substring(0, annotation) : name;
            if (property.startsWith("extension_")) {
                continue;
            }
            Optional<String> declared = propertyType(actualType, property);
            if (declared.isEmpty()) {
                problems.add("Invalid property '" + property + "' at " + at + ": type " + actualType
                        + " has no such property");
            } else if (annotation < 0) {
                checkValue(declared.get(), field.getValue(), at, problems);
            }
        }
    }

    private boolean derivesFrom(String typeName, String ancestor) {
        for (StructuredType type = types.get(typeName); type != null; type = type.baseType() == null ? null : types.get(type.baseType())) {
            if (type.name().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private void checkValue(String type, JsonNode value, String at, List<String> problems) {
        if (value.isNull()) {
            return;
        }
        if (type.startsWith("Collection(")) {
            if (!value.isArray()) {
                problems.add(at + " should be an array of " + type);
                return;
            }
            String element = type.substring("Collection(".length(), type.length() - 1);
            int index = 0;
            for (JsonNode item : value) {
                checkValue(element, item, at + "[" + index++ + "]", problems);
            }
            return;
        }
        boolean fits = switch (type) {
            case "Edm.String" -> value.isString();
            case "Edm.Boolean" -> value.isBoolean();
            case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte" -> value.isIntegralNumber();
            case "Edm.Double", "Edm.Single", "Edm.Decimal" -> value.isNumber();
            case "Edm.Guid" -> value.isString() && isGuid(value.asString());
            case "Edm.DateTimeOffset" -> value.isString() && isDateTime(value.asString());
            case "Edm.Binary", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration" -> value.isString();
            default -> true;
        };
        if (!fits) {
            problems.add(at + " should be " + type + ", not " + value);
        } else if (enums.containsKey(type)) {
            if (!value.isString() || !enums.get(type).contains(value.asString())) {
                problems.add(at + " should be one of " + enums.get(type) + ", not " + value);
            }
        } else if (types.containsKey(type)) {
            checkObject(type, value, at + ".", problems);
        } else if (!type.startsWith("Edm.")) {
            problems.add(at + " has type " + type + ", which the metadata does not define");
        }
    }

    private static boolean isGuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
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

    private record StructuredType(String name, String baseType, Map<String, String> properties, List<String> navigation) {}

    private static GraphMetadata load() {
        var types = new HashMap<String, StructuredType>();
        var enums = new HashMap<String, List<String>>();
        try (InputStream in = GraphMetadata.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            String namespace = null;
            String alias = null;
            String current = null;
            String currentBase = null;
            Map<String, String> properties = null;
            List<String> navigation = null;
            List<String> members = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Schema" -> {
                            namespace = xml.getAttributeValue(null, "Namespace");
                            alias = xml.getAttributeValue(null, "Alias");
                        }
                        case "EntityType", "ComplexType" -> {
                            current = namespace + "." + xml.getAttributeValue(null, "Name");
                            currentBase = qualify(xml.getAttributeValue(null, "BaseType"), namespace, alias);
                            properties = new LinkedHashMap<>();
                            navigation = new ArrayList<>();
                        }
                        case "EnumType" -> {
                            current = namespace + "." + xml.getAttributeValue(null, "Name");
                            members = new ArrayList<>();
                        }
                        case "Member" -> {
                            if (members != null) {
                                members.add(xml.getAttributeValue(null, "Name"));
                            }
                        }
                        case "Property", "NavigationProperty" -> {
                            if (properties != null) {
                                String name = xml.getAttributeValue(null, "Name");
                                properties.put(name, qualify(xml.getAttributeValue(null, "Type"), namespace, alias));
                                if (xml.getLocalName().equals("NavigationProperty")) {
                                    navigation.add(name);
                                }
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "EntityType", "ComplexType" -> {
                            types.put(current, new StructuredType(current, currentBase, properties, navigation));
                            properties = null;
                        }
                        case "EnumType" -> {
                            enums.put(current, members);
                            members = null;
                        }
                        default -> { }
                    }
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot read Graph's metadata", e);
        }
        return new GraphMetadata(types, enums);
    }

    /** Resolves a schema alias ({@code graph.user}) to the namespace ({@code microsoft.graph.user}). */
    private static String qualify(String type, String namespace, String alias) {
        if (type == null) {
            return null;
        }
        if (type.startsWith("Collection(")) {
            return "Collection(" + qualify(type.substring(11, type.length() - 1), namespace, alias) + ")";
        }
        if (alias != null && type.startsWith(alias + ".")) {
            return namespace + type.substring(alias.length());
        }
        if (type.startsWith("graph.")) {
            return "microsoft.graph" + type.substring("graph".length());
        }
        return type;
    }
}
