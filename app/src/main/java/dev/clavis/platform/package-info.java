/**
 * What every module relies on: the clock, the errors that become problem details, who is calling,
 * and the scheduler. Depends on no other module.
 */
@NullMarked
package dev.clavis.platform;

import org.jspecify.annotations.NullMarked;
