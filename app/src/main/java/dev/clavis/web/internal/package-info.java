@NullMarked
package dev.clavis.web.internal;

import org.jspecify.annotations.NullMarked;
