package dev.clavis.connector.spi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds connector factories on the class path with {@link ServiceLoader}. */
public final class DirectoryConnectors {

    private DirectoryConnectors() {}

    public static List<DirectoryConnectorFactory> available() {
        return ServiceLoader.load(DirectoryConnectorFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(DirectoryConnectorFactory::type))
                .toList();
    }

    public static Optional<DirectoryConnectorFactory> forType(String type) {
        return available().stream().filter(f -> f.type().equalsIgnoreCase(type)).findFirst();
    }
}
