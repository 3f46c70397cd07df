@NullMarked
package dev.clavis.slack.internal;

import org.jspecify.annotations.NullMarked;
