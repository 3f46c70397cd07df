/**
 * The web console: server-rendered pages for people who do not live in Jira or Slack. Signs people
 * in (demo sign-in on the embedded default), and drives the same published interfaces as the API
 * ({@code AccessRequests}, {@code Grants}, {@code CatalogService}, {@code Directory}).
 */
@NullMarked
package dev.clavis.web;

import org.jspecify.annotations.NullMarked;
