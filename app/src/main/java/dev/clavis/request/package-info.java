/**
 * Access requests: who asked for which role, for how long and why; the policy that routes them
 * (CEL auto-approval, approval stages resolved when they open, conflicts); decisions, serialised per
 * request; and the request's timeline until its grant ends.
 */
@NullMarked
package dev.clavis.request;

import org.jspecify.annotations.NullMarked;
