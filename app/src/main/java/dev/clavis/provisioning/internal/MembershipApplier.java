package dev.clavis.provisioning.internal;

import dev.clavis.connector.spi.ChangeResult;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.directory.Directory;
import dev.clavis.directory.DirectoryConnection;
import dev.clavis.directory.Person;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Applies claimed tasks to the directory through the connector: the adds of a batch in one call of the
 * connector's batch operation, the removals in another, so a connector that can change many memberships
 * at once (LDAP: one modify per group) does. Runs outside any transaction: a provider call may take
 * seconds and must not hold database connections or locks meanwhile.
 */
@Component
class MembershipApplier {

    private final Directory directory;
    private final DirectoryConnection connection;

    MembershipApplier(Directory directory, DirectoryConnection connection) {
        this.directory = directory;
        this.connection = connection;
    }

    /** How many tasks one call of the connector should be given; 1 for connectors without batches. */
    int batchLimit() {
        return connection.connector() instanceof MembershipProvisioning provisioning
                ? Math.max(1, provisioning.batchLimit())
                : 1;
    }

    /**
     * @return one attempt per claim, in the order given; an error is the connector's classification, or
     *     permanent when the group or the person is not in the directory as last synced, or the connector
     *     cannot change memberships
     */
    List<Attempt> apply(List<ClaimedTask> claims) {
        var attempts = new Attempt[claims.size()];
        DirectoryConnector connector = connection.connector();
        if (!(connector instanceof MembershipProvisioning provisioning)) {
            for (int i = 0; i < attempts.length; i++) {
                attempts[i] = Attempt.erred(claims.get(i), new PermanentConnectorException("the " + connection.type()
                        + " connector cannot change group memberships, so '" + claims.get(i).task().groupName()
                        + "' must be changed by hand"));
            }
            return Arrays.asList(attempts);
        }
        var adds = new Changes();
        var removes = new Changes();
        Map<String, String> groups = directory.groupExternalIds(claims.stream().map(claim -> claim.task().groupName()).toList());
        Map<UUID, Person> people = directory.people(claims.stream().map(claim -> claim.task().personId()).toList());
        for (int i = 0; i < claims.size(); i++) {
            ClaimedTask claim = claims.get(i);
            try {
                MembershipChange change = change(claim.task(), groups, people);
                (claim.task().operation() == MembershipOperation.ADD ? adds : removes).add(i, change);
            } catch (PermanentConnectorException e) {
                attempts[i] = Attempt.erred(claim, e);
            }
        }
        adds.apply(claims, attempts, provisioning::addMembers, outcome -> switch (outcome) {
            case ADDED -> MembershipOutcome.ADDED;
            case ALREADY_MEMBER -> MembershipOutcome.ALREADY_MEMBER;
        });
        removes.apply(claims, attempts, provisioning::removeMembers, outcome -> switch (outcome) {
            case REMOVED -> MembershipOutcome.REMOVED;
            case NOT_A_MEMBER -> MembershipOutcome.NOT_A_MEMBER;
        });
        return Arrays.asList(attempts);
    }

    /** @param groups the directory's ids of the batch's groups, by name, and its people: each read together */
    private static MembershipChange change(MembershipTask task, Map<String, String> groups, Map<UUID, Person> people) {
        String group = groups.get(task.groupName());
        if (group == null) {
            throw new PermanentConnectorException("the directory has no group named '" + task.groupName() + "'");
        }
        Person person = people.get(task.personId());
        if (person == null) {
            throw new PermanentConnectorException("the directory has no person with the Clavis id " + task.personId());
        }
        return new MembershipChange(group, person.externalId());
    }

    /** The changes of one operation, and where each claim sits in the batch. */
    private static final class Changes {

        private final List<Integer> positions = new ArrayList<>();
        private final List<MembershipChange> changes = new ArrayList<>();

        void add(int position, MembershipChange change) {
            positions.add(position);
            changes.add(change);
        }

        /**
         * Calls the connector once for all of them; an error the connector did not classify per change is
         * every change's error.
         */
        <T> void apply(List<ClaimedTask> claims, @Nullable Attempt[] attempts,
                Function<List<MembershipChange>, List<ChangeResult<T>>> call, Function<T, MembershipOutcome> outcome) {
            if (changes.isEmpty()) {
                return;
            }
            List<ChangeResult<T>> results;
            try {
                results = call.apply(changes);
            } catch (RuntimeException e) {
                positions.forEach(i -> attempts[i] = Attempt.erred(claims.get(i), e));
                return;
            }
            for (int j = 0; j < positions.size(); j++) {
                int i = positions.get(j);
                ChangeResult<T> result = results.get(j);
                attempts[i] = result instanceof ChangeResult.Applied<T> applied
                        ? Attempt.confirmed(claims.get(i), outcome.apply(applied.outcome()))
                        : Attempt.erred(claims.get(i), ((ChangeResult.Failed<T>) result).error());
            }
        }
    }
}
