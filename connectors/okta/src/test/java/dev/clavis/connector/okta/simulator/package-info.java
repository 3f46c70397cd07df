/** A simulated Okta org for tests and benchmarks: {@link dev.clavis.connector.okta.simulator.OktaSimulator}. */
@NullMarked
package dev.clavis.connector.okta.simulator;

import org.jspecify.annotations.NullMarked;
