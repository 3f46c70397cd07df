package dev.clavis.directory.internal;

import dev.clavis.connector.spi.ConfigProperty;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * Reads a connector's declared settings from {@code clavis.<type>.<name>}, which Spring also finds as
 * {@code CLAVIS_<TYPE>_<NAME>}; any setting may instead come from the file named by
 * {@code CLAVIS_<TYPE>_<NAME>_FILE}, so secrets can live in mounted files rather than the environment.
 */
final class ConnectorSettingsReader {

    private ConnectorSettingsReader() {}

    static ConnectorSettings read(DirectoryConnectorFactory factory, Environment environment) {
        Map<String, String> values = new HashMap<>();
        for (ConfigProperty property : factory.configSchema().properties()) {
            String key = "clavis." + factory.type() + "." + property.name();
            String value = environment.getProperty(key);
            String file = environment.getProperty(key + "-file");
            if (value == null && file != null) {
                value = readFile(factory.type(), property.name(), Path.of(file));
            }
            if (value != null) {
                values.put(property.name(), value);
            }
        }
        return ConnectorSettings.of(factory.type(), factory.configSchema(), values);
    }

    private static String readFile(String type, String name, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new InvalidSettingsException(type, List.of(
                    "'" + name + "' should be read from " + file + " but that file cannot be read: " + e.getMessage()));
        }
    }
}
