package org.contactguard.catalog.us;

import java.util.stream.Stream;
import org.contactguard.core.testkit.ScenarioTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The United States scenario files (src/test/resources/scenarios/us-*), one dynamic test per scenario. */
class UsScenariosTest {

    @TestFactory
    Stream<DynamicTest> usRegf() {
        return ScenarioTests.from("scenarios/us-regf");
    }

    @TestFactory
    Stream<DynamicTest> usOverlays() {
        return ScenarioTests.from("scenarios/us-overlays");
    }
}
