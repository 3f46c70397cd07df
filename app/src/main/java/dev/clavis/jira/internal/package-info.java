@NullMarked
package dev.clavis.jira.internal;

import org.jspecify.annotations.NullMarked;
