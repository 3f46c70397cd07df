/**
 * Grants: access in effect because a request was approved. A grant becomes ACTIVE only when the
 * directory confirmed every membership it needs, ends at its expiry or by revocation, and ending it
 * removes the memberships no other grant needs and that Clavis itself added.
 */
@NullMarked
package dev.clavis.grant;

import org.jspecify.annotations.NullMarked;
