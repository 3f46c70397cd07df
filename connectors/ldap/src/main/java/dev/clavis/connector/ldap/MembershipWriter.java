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
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;

/**
 * Adds and removes members idempotently, taking the directory's "already there" and "not there"
 * answers as outcomes.
 *
 * <p>groupOfNames and groupOfUniqueNames must keep at least one member, so removing the last one would
 * be an objectClassViolation (65): the member is then replaced by the {@code empty-group-member}
 * placeholder in one modify, and the placeholder is dropped again when a member is added. It is not a
 * person, so it is never reported as a membership.
 *
 * <p>Active Directory gets the Permissive Modify control, so that adding a present or removing an absent
 * member is not an error, and a compare first, so that the outcome is still known. Servers that ignore
 * the control answer with result codes that mean the same and are mapped the same way.
 */
final class MembershipWriter {

    /** AD's ERROR_MEMBER_IN_GROUP and ERROR_MEMBER_NOT_IN_GROUP, as they appear in its diagnostics. */
    private static final String AD_MEMBER_IN_GROUP = "00000562";
    private static final String AD_MEMBER_NOT_IN_GROUP = "00000561";

    private final LDAPInterface directory;
    private final Lookup lookup;
    private final Failures failures;
    private final boolean activeDirectory;
    private final String placeholder;

    MembershipWriter(LDAPInterface directory, Lookup lookup, Failures failures, LdapSettings settings) {
        this.directory = directory;
        this.lookup = lookup;
        this.failures = failures;
        this.activeDirectory = settings.flavor() == Flavor.ACTIVE_DIRECTORY;
        this.placeholder = settings.emptyGroupMember().toString();
    }

    AddOutcome add(MembershipChange change) {
        SearchResultEntry group = lookup.group(change.groupId(), "objectClass");
        String person = lookup.person(change.personId(), SearchRequest.NO_ATTRIBUTES).getDN();
        String attribute = memberAttribute(group);
        AddOutcome outcome;
        try {
            if (activeDirectory && isMember(group, attribute, person)) {
                outcome = AddOutcome.ALREADY_MEMBER;
            } else {
                directory.modify(modify(group, new Modification(ModificationType.ADD, attribute, person)));
                outcome = AddOutcome.ADDED;
            }
        } catch (LDAPException e) {
            if (!isAlreadyThere(e)) {
                throw failures.classify(e, "add " + person + " to " + group.getDN());
            }
            outcome = AddOutcome.ALREADY_MEMBER;
        }
        dropPlaceholder(group, attribute);
        return outcome;
    }

    RemoveOutcome remove(MembershipChange change) {
        SearchResultEntry group = lookup.group(change.groupId(), "objectClass");
        String attribute = memberAttribute(group);
        String person;
        try {
            person = new DN(change.personId()).toString();
        } catch (LDAPException e) {
            return RemoveOutcome.NOT_A_MEMBER;
        }
        try {
            if (activeDirectory && !isMember(group, attribute, person)) {
                return RemoveOutcome.NOT_A_MEMBER;
            }
            directory.modify(modify(group, new Modification(ModificationType.DELETE, attribute, person)));
            return RemoveOutcome.REMOVED;
        } catch (LDAPException e) {
            if (isNotThere(e)) {
                return RemoveOutcome.NOT_A_MEMBER;
            }
            if (e.getResultCode() == ResultCode.OBJECT_CLASS_VIOLATION && requiresMember(group)) {
                return removeLast(group, attribute, person);
            }
            throw failures.classify(e, "remove " + person + " from " + group.getDN());
        }
    }

    private RemoveOutcome removeLast(Entry group, String attribute, String person) {
        try {
            directory.modify(modify(group,
                    new Modification(ModificationType.ADD, attribute, placeholder),
                    new Modification(ModificationType.DELETE, attribute, person)));
            return RemoveOutcome.REMOVED;
        } catch (LDAPException e) {
            if (isNotThere(e)) {
                return RemoveOutcome.NOT_A_MEMBER;
            }
            throw failures.classify(e, "replace the last member " + person + " of " + group.getDN()
                    + " with the empty-group-member " + placeholder);
        }
    }

    /** Also after ALREADY_MEMBER, so that a retried add finishes what a failed one began. */
    void dropPlaceholder(Entry group, String attribute) {
        if (!requiresMember(group)) {
            return;
        }
        try {
            if (isMember(group, attribute, placeholder)) {
                directory.modify(modify(group, new Modification(ModificationType.DELETE, attribute, placeholder)));
            }
        } catch (LDAPException e) {
            if (!isNotThere(e)) {
                throw failures.classify(e, "remove the empty-group-member " + placeholder + " from " + group.getDN());
            }
        }
    }

    private boolean isMember(Entry group, String attribute, String member) throws LDAPException {
        return directory.compare(group.getDN(), attribute, member).compareMatched();
    }

    private ModifyRequest modify(Entry group, Modification... modifications) {
        var request = new ModifyRequest(group.getDN(), modifications);
        if (activeDirectory) {
            request.addControl(new PermissiveModifyRequestControl(false));
        }
        return request;
    }

    static String memberAttribute(Entry group) {
        return group.hasObjectClass("groupOfUniqueNames") && !group.hasObjectClass("groupOfNames")
                ? "uniqueMember"
                : "member";
    }

    static boolean requiresMember(Entry group) {
        return group.hasObjectClass("groupOfNames") || group.hasObjectClass("groupOfUniqueNames");
    }

    static boolean isAlreadyThere(LDAPException e) {
        ResultCode code = e.getResultCode();
        return code == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS
                || code == ResultCode.ENTRY_ALREADY_EXISTS
                || code == ResultCode.UNWILLING_TO_PERFORM && said(e, AD_MEMBER_IN_GROUP);
    }

    static boolean isNotThere(LDAPException e) {
        ResultCode code = e.getResultCode();
        return code == ResultCode.NO_SUCH_ATTRIBUTE
                || code == ResultCode.UNWILLING_TO_PERFORM && said(e, AD_MEMBER_NOT_IN_GROUP);
    }

    private static boolean said(LDAPException e, String text) {
        String diagnostic = e.getDiagnosticMessage();
        return diagnostic != null && diagnostic.contains(text);
    }
}
