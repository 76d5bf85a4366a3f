/**
 * Helpers for tests that assert on rule outcomes, ours and our users': a fluent verifier in the
 * spirit of Timefold's ConstraintVerifier.
 *
 * <pre>{@code
 * assertThatDecision(engine, request).isDeniedBy("STARTER-FREQ-01").hasNextPermittedAt(expected);
 * }</pre>
 */
package org.contactguard.core.testkit;
