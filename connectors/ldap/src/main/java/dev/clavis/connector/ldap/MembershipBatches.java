package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.PermissiveModifyRequestControl;
import dev.clavis.connector.spi.ChangeResult;
import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Many membership changes of a group in one modify: each group's members to add (or remove) become the
 * values of one modification, so the directory writes the group entry once for all of them.
 *
 * <p>LDAP refuses a whole modify when one of its values is already there (or missing), so each value is
 * first compared against the group: who was a member before the batch is told apart from who was added,
 * which ownership of memberships depends on, and only the others are sent. The modify carries the
 * Permissive Modify control (1.2.840.113556.1.4.1413: OpenLDAP, Active Directory, the UnboundID
 * in-memory server), so a member another writer added between the compare and the modify does not fail
 * the batch. A server that ignores the control and refuses the modify for that reason gets the batch's
 * remaining changes one by one. A group's only change in a batch goes the single way, which needs no
 * compare: the directory's own refusal tells "already there".
 */
final class MembershipBatches {

    /** Member values per modify: large enough to write a busy group rarely, small enough to stay a short call. */
    static final int LIMIT = 100;

    private final LDAPInterface directory;
    private final Lookup lookup;
    private final Failures failures;
    private final MembershipWriter single;
    private final String placeholder;

    MembershipBatches(LDAPInterface directory, Lookup lookup, Failures failures, MembershipWriter single,
            LdapSettings settings) {
        this.directory = directory;
        this.lookup = lookup;
        this.failures = failures;
        this.single = single;
        this.placeholder = settings.emptyGroupMember().toString();
    }

    List<ChangeResult<AddOutcome>> add(List<MembershipChange> changes) {
        return byGroup(changes, this::addToGroup);
    }

    List<ChangeResult<RemoveOutcome>> remove(List<MembershipChange> changes) {
        return byGroup(changes, this::removeFromGroup);
    }

    private List<ChangeResult<AddOutcome>> addToGroup(String groupId, List<MembershipChange> changes) {
        if (changes.size() == 1) {
            return List.of(ChangeResult.of(() -> single.add(changes.get(0))));
        }
        List<@Nullable ChangeResult<AddOutcome>> results = new ArrayList<>(Collections.nCopies(changes.size(), null));
        SearchResultEntry group;
        try {
            group = lookup.group(groupId, "objectClass");
        } catch (ConnectorException e) {
            return failed(changes.size(), e);
        }
        String attribute = MembershipWriter.memberAttribute(group);
        var toAdd = new LinkedHashMap<String, Integer>();
        try {
            for (int i = 0; i < changes.size(); i++) {
                String person;
                try {
                    person = lookup.person(changes.get(i).personId(), SearchRequest.NO_ATTRIBUTES).getDN();
                } catch (ConnectorException e) {
                    results.set(i, new ChangeResult.Failed<>(e));
                    continue;
                }
                if (toAdd.containsKey(person) || isMember(group, attribute, person)) {
                    results.set(i, new ChangeResult.Applied<>(AddOutcome.ALREADY_MEMBER));
                } else {
                    toAdd.put(person, i);
                }
            }
            if (!toAdd.isEmpty()) {
                directory.modify(permissive(group, new Modification(ModificationType.ADD, attribute,
                        toAdd.keySet().toArray(String[]::new))));
                toAdd.values().forEach(i -> results.set(i, new ChangeResult.Applied<>(AddOutcome.ADDED)));
            }
        } catch (LDAPException e) {
            if (MembershipWriter.isAlreadyThere(e)) {
                return rest(results, changes, change -> ChangeResult.of(() -> single.add(change)));
            }
            return rest(results, changes, failure(e, "add " + toAdd.size() + " members to " + group.getDN()));
        }
        if (!toAdd.isEmpty()) {
            try {
                single.dropPlaceholder(group, attribute);
            } catch (ConnectorException e) {
                toAdd.values().forEach(i -> results.set(i, new ChangeResult.Failed<>(e)));
            }
        }
        return rest(results, changes, change -> {
            throw new IllegalStateException("a change of the batch was left without a result: " + change);
        });
    }

    private List<ChangeResult<RemoveOutcome>> removeFromGroup(String groupId, List<MembershipChange> changes) {
        if (changes.size() == 1) {
            return List.of(ChangeResult.of(() -> single.remove(changes.get(0))));
        }
        List<@Nullable ChangeResult<RemoveOutcome>> results = new ArrayList<>(Collections.nCopies(changes.size(), null));
        SearchResultEntry group;
        try {
            group = lookup.group(groupId, "objectClass");
        } catch (ConnectorException e) {
            return failed(changes.size(), e);
        }
        String attribute = MembershipWriter.memberAttribute(group);
        var toRemove = new LinkedHashMap<String, Integer>();
        try {
            for (int i = 0; i < changes.size(); i++) {
                String person = dnOrNull(changes.get(i).personId());
                if (person == null || toRemove.containsKey(person) || !isMember(group, attribute, person)) {
                    results.set(i, new ChangeResult.Applied<>(RemoveOutcome.NOT_A_MEMBER));
                } else {
                    toRemove.put(person, i);
                }
            }
            if (!toRemove.isEmpty()) {
                delete(group, attribute, toRemove.keySet().toArray(String[]::new));
                toRemove.values().forEach(i -> results.set(i, new ChangeResult.Applied<>(RemoveOutcome.REMOVED)));
            }
        } catch (LDAPException e) {
            if (MembershipWriter.isNotThere(e)) {
                return rest(results, changes, change -> ChangeResult.of(() -> single.remove(change)));
            }
            return rest(results, changes, failure(e, "remove " + toRemove.size() + " members from " + group.getDN()));
        }
        return rest(results, changes, change -> {
            throw new IllegalStateException("a change of the batch was left without a result: " + change);
        });
    }

    /**
     * groupOfNames and groupOfUniqueNames must keep a member: a batch that would empty the group leaves
     * the empty-group-member in their place, in the same modify.
     */
    private void delete(Entry group, String attribute, String[] members) throws LDAPException {
        try {
            directory.modify(permissive(group, new Modification(ModificationType.DELETE, attribute, members)));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.OBJECT_CLASS_VIOLATION || !MembershipWriter.requiresMember(group)) {
                throw e;
            }
            directory.modify(permissive(group,
                    new Modification(ModificationType.ADD, attribute, placeholder),
                    new Modification(ModificationType.DELETE, attribute, members)));
        }
    }

    private boolean isMember(Entry group, String attribute, String member) throws LDAPException {
        return directory.compare(group.getDN(), attribute, member).compareMatched();
    }

    private static ModifyRequest permissive(Entry group, Modification... modifications) {
        var request = new ModifyRequest(group.getDN(), modifications);
        request.addControl(new PermissiveModifyRequestControl(false));
        return request;
    }

    private <T> Function<MembershipChange, ChangeResult<T>> failure(LDAPException e, String action) {
        ConnectorException error = failures.classify(e, action);
        return change -> new ChangeResult.Failed<>(error);
    }

    /** Fills in the changes that have no result yet. */
    private static <T> List<ChangeResult<T>> rest(List<@Nullable ChangeResult<T>> results, List<MembershipChange> changes,
            Function<MembershipChange, ChangeResult<T>> each) {
        var complete = new ArrayList<ChangeResult<T>>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            ChangeResult<T> result = results.get(i);
            complete.add(result != null ? result : each.apply(changes.get(i)));
        }
        return complete;
    }

    private static <T> List<ChangeResult<T>> failed(int count, ConnectorException error) {
        return Collections.nCopies(count, new ChangeResult.Failed<>(error));
    }

    private static @Nullable String dnOrNull(String id) {
        try {
            return new DN(id).toString();
        } catch (LDAPException e) {
            return null;
        }
    }

    /** Applies each group's changes together and answers the results in the order of the changes. */
    private static <T> List<ChangeResult<T>> byGroup(List<MembershipChange> changes,
            BiFunction<String, List<MembershipChange>, List<ChangeResult<T>>> perGroup) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            positions.computeIfAbsent(changes.get(i).groupId(), group -> new ArrayList<>()).add(i);
        }
        @SuppressWarnings("unchecked")
        ChangeResult<T>[] results = new ChangeResult[changes.size()];
        positions.forEach((group, indexes) -> {
            List<ChangeResult<T>> answered = perGroup.apply(group, indexes.stream().map(changes::get).toList());
            for (int j = 0; j < indexes.size(); j++) {
                results[indexes.get(j)] = answered.get(j);
            }
        });
        return Arrays.asList(results);
    }
}
