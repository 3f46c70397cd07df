/**
 * The audit trail: every state change, appended in the transaction that makes it, each entry holding
 * the SHA-256 of its canonical content and of the entry before it, so altering, deleting or
 * reordering a row is detected by {@link dev.clavis.audit.AuditTrail#verify()}.
 */
@NullMarked
package dev.clavis.audit;

import org.jspecify.annotations.NullMarked;
