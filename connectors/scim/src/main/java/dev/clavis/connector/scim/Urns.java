package dev.clavis.connector.scim;

/** The schema URNs of RFC 7643 and 7644 this connector reads and writes. */
final class Urns {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private Urns() {}
}
