@NullMarked
package dev.clavis.catalog.internal;

import org.jspecify.annotations.NullMarked;
