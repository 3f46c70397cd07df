@NullMarked
package dev.clavis.audit.internal;

import org.jspecify.annotations.NullMarked;
