package dev.clavis.connector.spi;

/** The provider has no person with this id. */
public class UnknownPersonException extends PermanentConnectorException {

    private final String personId;

    public UnknownPersonException(String personId) {
        super("The directory has no person " + personId);
        this.personId = personId;
    }

    public String personId() {
        return personId;
    }
}
