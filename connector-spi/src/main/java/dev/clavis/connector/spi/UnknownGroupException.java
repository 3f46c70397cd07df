package dev.clavis.connector.spi;

/** The provider has no group with this id. */
public class UnknownGroupException extends PermanentConnectorException {

    private final String groupId;

    public UnknownGroupException(String groupId) {
        super("The directory has no group " + groupId);
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }
}
