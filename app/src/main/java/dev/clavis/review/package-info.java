/**
 * Access reviews: certification campaigns over grants and over memberships of managed groups that no
 * grant explains. A started campaign is a snapshot; each item goes to one reviewer, who keeps or
 * revokes it; at close every Revoke is carried out in the directory by the same durable path as an
 * expiry, and the campaign's evidence names each decision and the directory's confirmation.
 */
@NullMarked
package dev.clavis.review;

import org.jspecify.annotations.NullMarked;
