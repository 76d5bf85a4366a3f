package org.contactguard.core.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.contactguard.core.decision.ComplianceEngine;
import org.junit.jupiter.api.DynamicTest;

/**
 * Scenario files as JUnit 5 dynamic tests, one per scenario, so a team pins its rules' behaviour with a
 * folder of JSON files and one test method:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> usRegfScenarios() {
 *     return ScenarioTests.from("scenarios/us-regf");        // src/test/resources/scenarios/us-regf/*.json
 * }
 *
 * @TestFactory
 * Stream<DynamicTest> withMyEngine() {
 *     return ScenarioTests.using(engine).requireEveryRuleFired().from("scenarios/us-regf");
 * }
 * }</pre>
 *
 * <p>A failing scenario's message shows the differences, then the request, the expectation and the
 * actual decision as JSON. A file that cannot be read becomes one failing test naming file and path.
 * File format: {@link ScenarioFiles}.
 */
public final class ScenarioTests {

    private ScenarioTests() {
    }

    /**
     * The scenarios at {@code location} (a classpath folder or file, else a filesystem path) decided by the
     * default engine, {@code ComplianceEngine.builder().build()}: every catalog pack on the classpath,
     * each request choosing its packs.
     */
    public static Stream<DynamicTest> from(String location) {
        return using(DefaultEngine.INSTANCE).from(location);
    }

    /** Scenario tests decided by {@code engine}. */
    public static Using using(ComplianceEngine engine) {
        return new Using(Objects.requireNonNull(engine, "engine"), false);
    }

    /** Scenario tests bound to an engine; immutable. */
    public static final class Using {
        private final ComplianceEngine engine;
        private final boolean requireCoverage;

        private Using(ComplianceEngine engine, boolean requireCoverage) {
            this.engine = engine;
            this.requireCoverage = requireCoverage;
        }

        /**
         * Adds a last test, "rule coverage", that fails naming every rule of the packs the scenarios used
         * that no scenario made deny or advise.
         */
        public Using requireEveryRuleFired() {
            return new Using(engine, true);
        }

        /** One dynamic test per scenario at each location, in file then scenario order. */
        public Stream<DynamicTest> from(String... locations) {
            return tests(engine, requireCoverage, locations);
        }
    }

    private static Stream<DynamicTest> tests(ComplianceEngine engine, boolean requireCoverage, String... locations) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ScenarioTests.class.getClassLoader();
        }
        ScenarioRunner runner = new ScenarioRunner(engine);
        List<ScenarioResult> results = Collections.synchronizedList(new ArrayList<>());
        List<ScenarioFileException> unreadable = Collections.synchronizedList(new ArrayList<>());
        List<DynamicTest> tests = new ArrayList<>();
        for (String location : locations) {
            for (ScenarioFiles.FileScenarios file : ScenarioFiles.load(location, loader)) {
                if (file.problem() != null) {
                    ScenarioFileException problem = file.problem();
                    unreadable.add(problem);
                    tests.add(DynamicTest.dynamicTest(file.file() + " (unreadable)", () -> {
                        throw new AssertionError(problem.getMessage(), problem);
                    }));
                }
                for (Scenario scenario : file.scenarios()) {
                    tests.add(DynamicTest.dynamicTest(scenario.displayName(), scenario.source(), () -> {
                        ScenarioResult result = runner.run(scenario);
                        results.add(result);
                        if (!result.passed()) {
                            throw new AssertionError(result.describe());
                        }
                    }));
                }
            }
        }
        if (requireCoverage) {
            tests.add(DynamicTest.dynamicTest("rule coverage", () -> {
                ScenarioReport report = runner.report(List.copyOf(results), List.copyOf(unreadable));
                if (!report.unfiredRules().isEmpty()) {
                    throw new AssertionError("no scenario made these rules fire: " + report.unfiredRules().stream()
                            .map(r -> r.id() + " (" + r.file() + ":" + r.line() + ")").collect(Collectors.joining(", ")));
                }
            }));
        }
        return tests.stream();
    }

    /** The default engine, built once on first use: compiling the catalog is the slow part of a test run. */
    private static final class DefaultEngine {
        static final ComplianceEngine INSTANCE = ComplianceEngine.builder().build();
    }
}
