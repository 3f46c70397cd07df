/**
 * Jira Service Management, Cloud and Data Center: an access request type's issues become Clavis
 * requests, JSM approvals become decisions, and every step of a request is written back to its
 * issue (comments, transitions, approvers, an issue property) from a durable per-issue queue.
 * Off unless {@code CLAVIS_JIRA_BASE_URL} is set.
 */
@NullMarked
package dev.clavis.jira;

import org.jspecify.annotations.NullMarked;
