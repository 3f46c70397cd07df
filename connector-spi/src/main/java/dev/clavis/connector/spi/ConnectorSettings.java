package dev.clavis.connector.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Settings checked against a {@link ConfigSchema}: required settings are present, defaults applied,
 * unknown names refused. {@link #toString()} masks secrets, so settings are safe to log.
 */
public final class ConnectorSettings {

    private final String connectorType;
    private final ConfigSchema schema;
    private final Map<String, String> values;

    private ConnectorSettings(String connectorType, ConfigSchema schema, Map<String, String> values) {
        this.connectorType = connectorType;
        this.schema = schema;
        this.values = values;
    }

    /**
     * @throws InvalidSettingsException naming every missing or unknown setting
     */
    public static ConnectorSettings of(String connectorType, ConfigSchema schema, Map<String, String> given) {
        var problems = new ArrayList<String>();
        var values = new TreeMap<String, String>();
        for (var entry : given.entrySet()) {
            if (schema.property(entry.getKey()).isEmpty()) {
                problems.add("unknown setting '" + entry.getKey() + "'");
            } else if (!entry.getValue().isBlank()) {
                values.put(entry.getKey(), entry.getValue().strip());
            }
        }
        for (ConfigProperty property : schema.properties()) {
            if (!values.containsKey(property.name())) {
                if (property.defaultValue() != null) {
                    values.put(property.name(), property.defaultValue());
                } else if (property.required()) {
                    problems.add("'" + property.name() + "' is required: " + property.description());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(connectorType, problems);
        }
        return new ConnectorSettings(connectorType, schema, values);
    }

    /** A setting that is required or has a default. */
    public String get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                "setting '" + name + "' has no value and no default; declare it required"));
    }

    public Optional<String> find(String name) {
        if (schema.property(name).isEmpty()) {
            throw new IllegalArgumentException("setting '" + name + "' is not in the schema");
        }
        return Optional.ofNullable(values.get(name));
    }

    public int getInt(String name) {
        String value = get(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "a whole number");
        }
    }

    public boolean getBoolean(String name) {
        String value = get(name);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(name, "true or false");
    }

    /** An ISO-8601 duration ({@code PT30S}) or a number of seconds. */
    public Duration getDuration(String name) {
        String value = get(name);
        try {
            return value.chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(value))
                    : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(name, "an ISO-8601 duration such as PT30S, or seconds");
        }
    }

    public String connectorType() {
        return connectorType;
    }

    private InvalidSettingsException invalid(String name, String expected) {
        String shown = schema.isSecret(name) ? "(secret)" : "'" + values.get(name) + "'";
        return new InvalidSettingsException(
                connectorType, java.util.List.of("'" + name + "' must be " + expected + ", not " + shown));
    }

    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (schema.isSecret(e.getKey()) ? "******" : e.getValue()))
                .collect(Collectors.joining(", ", connectorType + "{", "}"));
    }
}
