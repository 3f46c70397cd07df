@NullMarked
package dev.clavis.request.internal;

import org.jspecify.annotations.NullMarked;
