/**
 * Slack: another way in and out of the same request lifecycle. {@code /request} and its modal submit
 * requests, approvers decide with buttons in their direct messages, people hear about their requests
 * and grants, {@code /access} shows what they hold. The module decides nothing itself: every action
 * goes through {@code AccessRequests}, and every message leaves through a durable, paced queue, so
 * Slack being slow or down delays messages, never decisions. Off unless a bot token and a signing
 * secret are configured.
 */
@NullMarked
package dev.clavis.slack;

import org.jspecify.annotations.NullMarked;
