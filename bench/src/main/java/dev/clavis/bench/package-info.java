/**
 * The directory sync benchmark: an embedded directory of a synthetic company in this JVM, Clavis as a
 * separate process with the heap under test, and the figures a sync of that directory costs it.
 * Everything it talks to is on 127.0.0.1.
 */
@NullMarked
package dev.clavis.bench;

import org.jspecify.annotations.NullMarked;
