@NullMarked
package dev.clavis.platform.internal;

import org.jspecify.annotations.NullMarked;
