package org.contactguard.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.RuleInfo;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.json.DecisionJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ScenarioKitTest {

    private static final ClassLoader LOADER = ScenarioKitTest.class.getClassLoader();
    private static ComplianceEngine engine;

    @BeforeAll
    static void loadTestPacks() {
        engine = ComplianceEngine.builder().packs(TestPacks.PROBE, TestPacks.HOUSE).build();
    }

    /** How a team uses the kit: one factory method per folder. */
    @TestFactory
    Stream<DynamicTest> passingScenariosRunAsDynamicTests() {
        return ScenarioTests.using(engine).from("scenarios/kit/passing");
    }

    @Test
    void everyScenarioOfThePassingFolderPasses() {
        ScenarioReport report = new ScenarioRunner(engine).run(ScenarioFiles.load("scenarios/kit/passing", LOADER));
        assertTrue(report.passed(), () -> report.failures().stream().map(ScenarioResult::describe)
                .collect(Collectors.joining("\n")));
        assertEquals(11, report.results().size());
        assertEquals("Probe pack \u203a 22:00 in New York is denied until 08:00",
                report.results().get(2).scenario().displayName());
        assertEquals("scenarios/kit/passing/probe-suite.json", report.results().get(2).scenario().file());
    }

    @Test
    void coverageListsTheRulesNoScenarioMadeFireInThePacksUsed() {
        ScenarioReport report = new ScenarioRunner(engine).run(ScenarioFiles.load("scenarios/kit/passing", LOADER));
        assertEquals(java.util.Set.of("probe", "house"), report.packsUsed());
        // PROBE-HOURS-02 reports INPUT-INVALID (an unusable request), so it never shows under its own id.
        assertEquals(List.of("PROBE-HOURS-02"), report.unfiredRules().stream().map(RuleInfo::id).toList());

        ScenarioReport failing = new ScenarioRunner(engine).run(ScenarioFiles.load("scenarios/kit/failing", LOADER));
        assertEquals(java.util.Set.of("probe"), failing.packsUsed());
        assertEquals(List.of("PROBE-AUTO-01", "PROBE-CAP-01", "PROBE-HOURS-02", "PROBE-MINOR-01"),
                failing.unfiredRules().stream().map(RuleInfo::id).toList());
    }

    @Test
    void eachFailingScenarioSaysWhatDiffers() {
        ScenarioReport report = new ScenarioRunner(engine).run(ScenarioFiles.load("scenarios/kit/failing", LOADER));
        Map<String, ScenarioResult> byName = report.results().stream()
                .collect(Collectors.toMap(r -> r.scenario().name(), Function.identity()));
        assertFalse(report.passed());
        assertEquals(6, report.failures().size());
        assertTrue(byName.get("this one passes").passed());

        assertEquals("verdict: expected ALLOW, actual DENY [PROBE-HOURS-01]",
                byName.get("wrong verdict").mismatches().get(0));
        assertEquals("rules: expected [PROBE-CAP-01], actual [PROBE-HOURS-01]; missing [PROBE-CAP-01]; "
                + "unexpected [PROBE-HOURS-01]", byName.get("wrong rule set").mismatches().get(0));
        assertEquals("includes: missing [PROBE-MINOR-01], actual rules [PROBE-HOURS-01]",
                byName.get("missing include").mismatches().get(0));
        assertEquals("nextPermittedAt: expected 2026-01-15T12:00:00Z, actual 2026-01-15T13:00:00Z",
                byName.get("wrong next permitted moment").mismatches().get(0));
        assertEquals("nextPermittedAt: expected none, actual 2026-01-15T13:00:00Z",
                byName.get("expected none but there is one").mismatches().get(0));
        assertEquals("advisories: expected [PROBE-AUTO-01], actual []; missing [PROBE-AUTO-01]",
                byName.get("missing advisory").mismatches().get(0));
        assertTrue(byName.get("wrong verdict").mismatches().contains("  reason PROBE-HOURS-01: Outside permitted local hours"));
    }

    @Test
    void aFailingDynamicTestShowsRequestExpectedAndActual() {
        List<DynamicTest> tests = ScenarioTests.using(engine).from("scenarios/kit/failing").toList();
        assertEquals(7, tests.size());
        AssertionError failure = assertThrows(AssertionError.class, () -> tests.get(0).getExecutable().execute());
        String message = failure.getMessage();
        assertTrue(message.startsWith("Scenario \"wrong verdict\" in scenarios/kit/failing/wrong-expectations.json failed"),
                message);
        assertTrue(message.contains("verdict: expected ALLOW, actual DENY"), message);
        assertTrue(message.contains("request:\n{"), message);
        assertTrue(message.contains("\"packs\" : [ \"probe\" ]"), message);
        assertTrue(message.contains("expected:\n{\n  \"verdict\" : \"ALLOW\"\n}"), message);
        assertTrue(message.contains("actual:\n{"), message);
        assertTrue(message.contains("\"ruleId\" : \"PROBE-HOURS-01\""), message);
        assertTrue(tests.get(0).getTestSourceUri().isPresent());
    }

    @Test
    void theCoverageTestFailsNamingUnfiredRulesWithFileAndLine() throws Throwable {
        List<DynamicTest> tests = ScenarioTests.using(engine).requireEveryRuleFired().from("scenarios/kit/passing").toList();
        assertEquals(12, tests.size());
        for (DynamicTest test : tests.subList(0, 11)) {
            test.getExecutable().execute();
        }
        DynamicTest coverage = tests.get(11);
        assertEquals("rule coverage", coverage.getDisplayName());
        AssertionError failure = assertThrows(AssertionError.class, () -> coverage.getExecutable().execute());
        assertTrue(failure.getMessage().matches("no scenario made these rules fire: PROBE-HOURS-02 \\(.*hours\\.drl:\\d+\\)"),
                failure.getMessage());
    }

    @Test
    void aBrokenFileFailsOnItsOwnAndTheOthersStillRun(@TempDir Path dir) throws IOException {
        Files.copy(Path.of(LOADER.getResource("scenarios/kit/passing/allowed-call.json").getPath()), dir.resolve("a.json"));
        Files.writeString(dir.resolve("b.json"), "{\"name\":\"x\",\"request\":{},\"expect\":{\"verdict\":\"ALLOW\",\"rule\":[]}}");
        Files.writeString(dir.resolve("notes.txt"), "not a scenario");

        List<DynamicTest> tests = ScenarioTests.using(engine).from(dir.toString()).toList();
        assertEquals(2, tests.size());
        assertEquals("allowed-call.json \u203a A call at noon in New York with no history is allowed".replace(
                "allowed-call.json", "a.json"), tests.get(0).getDisplayName());
        AssertionError broken = assertThrows(AssertionError.class, () -> tests.get(1).getExecutable().execute());
        assertEquals(dir + "/b.json: expect.rule: unknown key; allowed: advisories, includes, nextPermittedAt, rules, verdict",
                broken.getMessage());

        ScenarioReport report = new ScenarioRunner(engine).run(ScenarioFiles.load(dir.toString(), LOADER));
        assertEquals(1, report.results().size());
        assertEquals(1, report.unreadable().size());
        assertFalse(report.passed());
    }

    @Test
    void scenariosAreFoundInsideAJarOnTheClasspath(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("team-scenarios.jar");
        byte[] scenario = Files.readAllBytes(Path.of(LOADER.getResource("scenarios/kit/passing/allowed-call.json").getPath()));
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("scenarios/team/"));
            out.closeEntry();
            out.putNextEntry(new java.util.jar.JarEntry("scenarios/team/call.json"));
            out.write(scenario);
            out.closeEntry();
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            List<ScenarioFiles.FileScenarios> files = ScenarioFiles.load("scenarios/team", loader);
            assertEquals(1, files.size());
            assertEquals("scenarios/team/call.json", files.get(0).file());
            assertTrue(new ScenarioRunner(engine).run(files).passed());
        }
    }

    @Test
    void aLocationThatIsNeitherOnTheClasspathNorOnDiskIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioFiles.load("scenarios/no-such-folder", LOADER));
        assertTrue(e.getMessage().startsWith("no scenarios at scenarios/no-such-folder"), e.getMessage());
    }

    private static String problem(String json) {
        return assertThrows(ScenarioFileException.class, () -> ScenarioFiles.parse(json, "f.json", null)).getMessage();
    }

    @Test
    void scenarioFilesAreReadStrictlyNamingFileAndPath() {
        String request = "{\"action\":{}}";
        assertEquals("f.json: nmae: unknown key; allowed: description, expect, name, packs, request",
                problem("{\"nmae\":\"x\",\"request\":" + request + ",\"expect\":{\"verdict\":\"ALLOW\"}}"));
        assertEquals("f.json: scenarios[1].expected: unknown key; allowed: description, expect, name, patch, request",
                problem("{\"base\":" + request + ",\"scenarios\":[{\"name\":\"a\",\"expect\":{\"verdict\":\"ALLOW\"}},"
                        + "{\"name\":\"b\",\"expected\":{}}]}"));
        assertEquals("f.json: scenarios[0]: has a patch but the file has no base",
                problem("{\"scenarios\":[{\"name\":\"a\",\"patch\":{},\"expect\":{\"verdict\":\"ALLOW\"}}]}"));
        assertEquals("f.json: scenarios[0]: has both request and patch; give one",
                problem("{\"base\":{},\"scenarios\":[{\"name\":\"a\",\"patch\":{},\"request\":{},\"expect\":{\"verdict\":\"ALLOW\"}}]}"));
        assertEquals("f.json: scenarios[1].name: duplicate scenario name \"a\"",
                problem("{\"base\":{},\"scenarios\":[{\"name\":\"a\",\"expect\":{\"verdict\":\"ALLOW\"}},"
                        + "{\"name\":\"a\",\"expect\":{\"verdict\":\"ALLOW\"}}]}"));
        assertEquals("f.json: expect.verdict: must be ALLOW or DENY, was \"allow\"",
                problem("{\"name\":\"a\",\"request\":{},\"expect\":{\"verdict\":\"allow\"}}"));
        assertEquals("f.json: expect: an ALLOW has no denying rules; rules/includes must be empty",
                problem("{\"name\":\"a\",\"request\":{},\"expect\":{\"verdict\":\"ALLOW\",\"rules\":[\"X\"]}}"));
        assertEquals("f.json: expect.rules: a DENY has at least one denying rule",
                problem("{\"name\":\"a\",\"request\":{},\"expect\":{\"verdict\":\"DENY\",\"rules\":[]}}"));
        assertEquals("f.json: expect.nextPermittedAt: \"tomorrow\" is not an ISO-8601 instant with an offset or Z",
                problem("{\"name\":\"a\",\"request\":{},\"expect\":{\"verdict\":\"DENY\",\"nextPermittedAt\":\"tomorrow\"}}"));
        assertEquals("f.json: name: is required", problem("{\"request\":{},\"expect\":{\"verdict\":\"DENY\"}}"));
        assertEquals("f.json: expect: is required", problem("{\"name\":\"a\",\"request\":{}}"));
        assertTrue(problem("{\"name\":\"a\",").startsWith("f.json: name: malformed JSON"), problem("{\"name\":\"a\","));
        assertEquals("f.json: scenarios: must be a non-empty array", problem("{\"base\":{},\"scenarios\":[]}"));
    }

    @Test
    void yamlFilesAreReadAsStrictlyAsJson() {
        assertEquals("f.yaml: scenarios[0].expect.verdit: unknown key; allowed: advisories, includes, nextPermittedAt, rules, verdict",
                assertThrows(ScenarioFileException.class, () -> ScenarioFiles.parse(
                        "base: {}\nscenarios:\n  - name: a\n    expect: { verdit: ALLOW }\n", "f.yaml", null)).getMessage());
        assertTrue(assertThrows(ScenarioFileException.class, () -> ScenarioFiles.parse(
                "name: a\nname: b\n", "f.yml", null)).getMessage().startsWith("f.yml: malformed YAML at line 2"));
        // Unquoted local times and moments stay strings; yes/no are YAML booleans, so an unquoted NO where a
        // string is expected (a country code) is a type error naming the field, never a silent false.
        Scenario scenario = ScenarioFiles.parse("name: a\nrequest:\n  debtor: { wakingHours: { from: 12:00, to: 13:30 } }\n"
                + "  action: { automated: yes, at: 2026-01-15T03:00:00Z }\n"
                + "  accounts: [ { jurisdiction: NO } ]\nexpect: { verdict: DENY }\n", "f.yaml", null).get(0);
        assertEquals("12:00", scenario.request().at("/debtor/wakingHours/from").textValue());
        assertEquals("2026-01-15T03:00:00Z", scenario.request().at("/action/at").textValue());
        assertTrue(scenario.request().at("/action/automated").booleanValue());
        assertTrue(scenario.request().at("/accounts/0/jurisdiction").isBoolean());
    }

    @Test
    void patchesFollowJsonMergePatch() {
        var base = DecisionJson.parse("{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":\"x\",\"e\":true}");
        var patch = DecisionJson.parse("{\"a\":{\"b\":null,\"c\":[3]},\"d\":{\"f\":1},\"g\":\"new\"}");
        assertEquals(DecisionJson.parse("{\"a\":{\"c\":[3]},\"d\":{\"f\":1},\"e\":true,\"g\":\"new\"}"),
                ScenarioFiles.mergePatch(base, patch));
    }

    @Test
    void fileLevelPacksOverrideTheRequestsPacksAndExpectationsAreRead() {
        List<Scenario> scenarios = ScenarioFiles.parse("""
                {"packs":["house"],"base":{"packs":["probe"]},
                 "scenarios":[{"name":"a","expect":{"verdict":"DENY","includes":["X"],"nextPermittedAt":"2026-01-01T01:00:00+01:00"}},
                              {"name":"b","request":{},"expect":{"verdict":"ALLOW","advisories":[]}}]}""", "f.json", null);
        assertEquals(DecisionJson.parse("[\"house\"]"), scenarios.get(0).request().get("packs"));
        assertEquals(DecisionJson.parse("[\"house\"]"), scenarios.get(1).request().get("packs"));
        Expectation a = scenarios.get(0).expect();
        assertEquals(Verdict.DENY, a.verdict());
        assertNull(a.rules());
        assertEquals(java.util.Set.of("X"), a.includes());
        assertTrue(a.checksNextPermittedAt());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), a.nextPermittedAt());
        assertEquals("f.json", scenarios.get(0).suite());
        assertFalse(scenarios.get(1).expect().checksNextPermittedAt());
        assertEquals(java.util.Set.of(), scenarios.get(1).expect().advisories());
    }
}
