package dev.clavis.connector.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The settings of a connector, declared as data so the platform can read, check and mask them. */
public record ConfigSchema(List<ConfigProperty> properties) {

    public ConfigSchema {
        properties = List.copyOf(properties);
        Map<String, ConfigProperty> byName = new LinkedHashMap<>();
        for (ConfigProperty property : properties) {
            if (byName.put(property.name(), property) != null) {
                throw new IllegalArgumentException("setting declared twice: " + property.name());
            }
        }
    }

    public static ConfigSchema of(ConfigProperty... properties) {
        return new ConfigSchema(List.of(properties));
    }

    public Optional<ConfigProperty> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean isSecret(String name) {
        return property(name).map(ConfigProperty::secret).orElse(false);
    }
}
