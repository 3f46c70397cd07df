package dev.clavis.directory.internal;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.directory.DirectoryConnection;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Connects to the directory {@code CLAVIS_DIRECTORY} names. {@code embedded} is the LDAP connector
 * pointed at the embedded demo server: the same code path as a real OpenLDAP.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConnectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DirectoryConnectionConfiguration.class);

    @Bean(destroyMethod = "close")
    ConnectedDirectory directoryConnection(
            @Value("${clavis.directory:embedded}") String type,
            Environment environment,
            ObjectProvider<EmbeddedDirectoryServer> embedded) {
        String wanted = type.strip().toLowerCase(java.util.Locale.ROOT);
        if (wanted.equals(EmbeddedDirectoryServer.TYPE)) {
            EmbeddedDirectoryServer server = embedded.getObject();
            DirectoryConnectorFactory ldap = factory("ldap");
            ConnectorSettings settings = ConnectorSettings.of("ldap", ldap.configSchema(), server.connectorSettings());
            log.info("Directory: the embedded demo directory on 127.0.0.1:{} through the LDAP connector", server.port());
            return new ConnectedDirectory(wanted, ldap.create(settings));
        }
        DirectoryConnectorFactory factory = factory(wanted);
        ConnectorSettings settings = ConnectorSettingsReader.read(factory, environment);
        log.info("Directory: {}", settings);
        return new ConnectedDirectory(wanted, factory.create(settings));
    }

    private static DirectoryConnectorFactory factory(String type) {
        return DirectoryConnectors.forType(type).orElseThrow(() -> new IllegalStateException(
                "CLAVIS_DIRECTORY=" + type + " is not a directory this Clavis knows; use embedded or one of: "
                        + DirectoryConnectors.available().stream().map(DirectoryConnectorFactory::type)
                                .collect(Collectors.joining(", "))));
    }

    record ConnectedDirectory(String type, DirectoryConnector connector) implements DirectoryConnection, AutoCloseable {

        @Override
        public void close() {
            connector.close();
        }
    }
}
