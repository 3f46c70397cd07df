@NullMarked
package dev.clavis.review.internal;

import org.jspecify.annotations.NullMarked;
