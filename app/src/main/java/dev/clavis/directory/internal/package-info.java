@NullMarked
package dev.clavis.directory.internal;

import org.jspecify.annotations.NullMarked;
