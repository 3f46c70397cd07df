/**
 * The directory sync benchmark: an embedded directory of a synthetic company in this JVM, Clavis as a
 * separate process with the heap under test, and the figures a sync of that directory costs it.
 * The access-request benchmark ({@link dev.clavis.bench.RequestBenchmark}): Clavis as a separate process
 * with its embedded directory, driven over its REST API by a bounded pool of clients.
 * Everything they talk to is on 127.0.0.1.
 */
@NullMarked
package dev.clavis.bench;

import org.jspecify.annotations.NullMarked;
