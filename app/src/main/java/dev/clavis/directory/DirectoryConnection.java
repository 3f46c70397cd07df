package dev.clavis.directory;

import dev.clavis.connector.spi.DirectoryConnector;

/** The live connector to the identity provider Clavis is configured for. */
public interface DirectoryConnection {

    /** {@code ldap}, {@code okta}, …: the connector type in use. */
    String type();

    DirectoryConnector connector();
}
