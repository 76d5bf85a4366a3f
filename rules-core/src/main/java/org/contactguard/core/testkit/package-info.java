/**
 * Helpers for tests that assert on rule outcomes, ours and our users': a fluent verifier in the
 * spirit of Timefold's ConstraintVerifier, and scenario files (JSON) that compliance teams write
 * and run as JUnit 5 dynamic tests or with {@code contactguard scenarios}.
 *
 * <pre>{@code
 * assertThatDecision(engine, request).isDeniedBy("STARTER-FREQ-01").hasNextPermittedAt(expected);
 *
 * @TestFactory
 * Stream<DynamicTest> scenarios() {
 *     return ScenarioTests.from("scenarios/starter");
 * }
 * }</pre>
 *
 * <p>The file format is described on {@link org.contactguard.core.testkit.ScenarioFiles}; the runner
 * and its report (results and rule coverage) are {@link org.contactguard.core.testkit.ScenarioRunner}
 * and {@link org.contactguard.core.testkit.ScenarioReport}.
 */
package org.contactguard.core.testkit;
