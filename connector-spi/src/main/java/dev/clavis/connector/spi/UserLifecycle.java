package dev.clavis.connector.spi;

/**
 * A connector that can create people and suspend them. Suspension must be reversible by an
 * administrator of the provider: a connector never deletes or irreversibly deactivates a person.
 */
public interface UserLifecycle {

    /**
     * Creates a person and answers their provider id.
     *
     * @throws ConnectorException when the provider refuses, e.g. because the email is taken
     */
    String createUser(NewUser user);

    /**
     * Stops the person from signing in; suspending a suspended person is a success.
     *
     * @throws UnknownPersonException when the person does not exist
     */
    void suspendUser(String personId);
}
