package dev.clavis.provisioning.internal;

import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.directory.Directory;
import dev.clavis.directory.DirectoryConnection;
import dev.clavis.directory.Group;
import dev.clavis.directory.Person;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import org.springframework.stereotype.Component;

/**
 * Applies one task to the directory through the connector. Runs outside any transaction: a provider
 * call may take seconds and must not hold database connections or locks meanwhile.
 */
@Component
class MembershipApplier {

    private final Directory directory;
    private final DirectoryConnection connection;

    MembershipApplier(Directory directory, DirectoryConnection connection) {
        this.directory = directory;
        this.connection = connection;
    }

    /**
     * @throws dev.clavis.connector.spi.ConnectorException as the connector classified it; permanent also
     *     when the group or the person is not in the directory as last synced, or the connector cannot
     *     change memberships
     */
    MembershipOutcome apply(MembershipTask task) {
        Group group = directory.groupByName(task.groupName()).orElseThrow(() -> new PermanentConnectorException(
                "the directory has no group named '" + task.groupName() + "'"));
        Person person = directory.person(task.personId()).orElseThrow(() -> new PermanentConnectorException(
                "the directory has no person with the Clavis id " + task.personId()));
        DirectoryConnector connector = connection.connector();
        if (!(connector instanceof MembershipProvisioning provisioning)) {
            throw new PermanentConnectorException("the " + connection.type()
                    + " connector cannot change group memberships, so '" + task.groupName() + "' must be changed by hand");
        }
        var change = new MembershipChange(group.externalId(), person.externalId());
        return switch (task.operation()) {
            case ADD -> switch (provisioning.addMember(change)) {
                case ADDED -> MembershipOutcome.ADDED;
                case ALREADY_MEMBER -> MembershipOutcome.ALREADY_MEMBER;
            };
            case REMOVE -> switch (provisioning.removeMember(change)) {
                case REMOVED -> MembershipOutcome.REMOVED;
                case NOT_A_MEMBER -> MembershipOutcome.NOT_A_MEMBER;
            };
        };
    }
}
