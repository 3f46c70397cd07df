@NullMarked
package dev.clavis.grant.internal;

import org.jspecify.annotations.NullMarked;
