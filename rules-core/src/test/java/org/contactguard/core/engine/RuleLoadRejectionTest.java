package org.contactguard.core.engine;

import static org.contactguard.core.engine.TestPacks.HOUSE;
import static org.contactguard.core.engine.TestPacks.PROBE;
import static org.contactguard.core.engine.TestPacks.assertProblem;
import static org.contactguard.core.engine.TestPacks.copy;
import static org.contactguard.core.engine.TestPacks.edit;
import static org.contactguard.core.engine.TestPacks.lineOf;
import static org.contactguard.core.engine.TestPacks.onlyProblem;
import static org.contactguard.core.engine.TestPacks.problemMentioning;
import static org.contactguard.core.engine.TestPacks.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each test copies the probe pack (and the house pack where two packs are needed) into a fresh
 * folder, breaks exactly one thing, and checks that loading fails with a problem at the file and
 * line an editor has to fix.
 */
class RuleLoadRejectionTest {

    private static final String CAP_RULE = "rule \"Call over the probe cap\"";
    private static final String MINOR_RULE = "rule \"Debtor is a minor\"";

    @TempDir
    Path root;

    private Path probe;
    private Path properties;
    private Path parameters;
    private Path flags;
    private Path hours;
    private Path calls;

    @BeforeEach
    void copyProbePack() {
        probe = copy(PROBE, root);
        properties = probe.resolve("pack.properties");
        parameters = probe.resolve("parameters.drl");
        flags = probe.resolve("flags.drl");
        hours = probe.resolve("hours.drl");
        calls = probe.resolve("calls.drl");
    }

    private RuleLoadException rejected() {
        return rejected(ComplianceEngine.builder().rulesDirectory(root));
    }

    private static RuleLoadException rejected(ComplianceEngine.Builder builder) {
        return assertThrows(RuleLoadException.class, builder::build);
    }

    @Test
    void unbrokenCopiesOfProbeAndHouseLoad() {
        copy(HOUSE, root);
        RuleSet rules = ComplianceEngine.builder().rulesDirectory(root).build().rules();
        assertEquals(List.of(HOUSE, PROBE), rules.packs().stream().map(PackInfo::id).toList());
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01", "PROBE-AUTO-01", "PROBE-HOURS-01",
                "PROBE-HOURS-02", "PROBE-CAP-01"), rules.rules().stream().map(RuleInfo::id).toList());
        RuleInfo cap = rules.rule("PROBE-CAP-01");
        assertEquals(calls.toString(), cap.file());
        assertEquals(lineOf(calls, CAP_RULE), cap.line());
        assertEquals(Effect.ADVISORY, rules.rule("PROBE-AUTO-01").effect());
        assertEquals(Effect.DENY, cap.effect());
    }

    // --- DRL that Drools cannot parse or compile ---

    @Test
    void drlSyntaxErrorIsRejectedWithFileAndLine() {
        edit(calls, "ProposedAction(channel == Channel.CALL)", "ProposedAction(channel == == Channel.CALL)");
        RuleProblem problem = onlyProblem(rejected());
        assertProblem(calls, lineOf(calls, "== =="), "", problem);
    }

    @Test
    void unknownTypeInConditionIsRejectedWithFileAndLine() {
        edit(calls, "$action : ProposedAction(", "$action : ProposedActon(");
        RuleLoadException failure = rejected();
        assertProblem(calls, lineOf(calls, "ProposedActon("), "Unable to resolve ObjectType 'ProposedActon'",
                problemMentioning(failure, "ProposedActon"));
        // Drools also reports the unusable $action further down, without a line; it still names the file.
        for (RuleProblem problem : failure.problems()) {
            assertEquals(calls.toString(), problem.file(), failure::getMessage);
        }
    }

    @Test
    void unknownFieldInConditionIsRejectedWithFileAndLine() {
        edit(calls, "ProposedAction(channel == Channel.CALL)", "ProposedAction(chanel == Channel.CALL)");
        RuleProblem problem = onlyProblem(rejected());
        assertProblem(calls, lineOf(calls, "chanel =="), "chanel", problem);
    }

    // --- rule metadata ---

    @Test
    void ruleWithoutIdIsRejectedWithFileAndLine() {
        edit(calls, "    @id(\"PROBE-CAP-01\")\n", "");
        assertProblem(calls, lineOf(calls, CAP_RULE), "missing @id", onlyProblem(rejected()));
    }

    @Test
    void ruleWithoutCitationIsRejectedWithFileAndLine() {
        edit(calls, "    @citation(\"Probe citation C\")\n", "");
        assertProblem(calls, lineOf(calls, CAP_RULE), "missing @citation", onlyProblem(rejected()));
    }

    @Test
    void ruleWithoutAuthorityIsRejectedWithFileAndLine() {
        edit(calls, "    @authority(\"REGULATION\")\n", "");
        assertProblem(calls, lineOf(calls, CAP_RULE), "missing @authority", onlyProblem(rejected()));
    }

    @Test
    void ruleWithoutMessageIsRejectedWithFileAndLine() {
        edit(calls, "    @message(\"Too many placed calls\")\n", "");
        assertProblem(calls, lineOf(calls, CAP_RULE), "missing @message", onlyProblem(rejected()));
    }

    @Test
    void authorityThatIsNotAnAuthorityConstantIsRejectedWithFileAndLine() {
        edit(calls, "@authority(\"REGULATION\")", "@authority(\"Regulation F\")");
        assertProblem(calls, lineOf(calls, CAP_RULE), "@authority \"Regulation F\" is not one of",
                onlyProblem(rejected()));
    }

    @Test
    void effectOtherThanDenyOrAdvisoryIsRejectedWithFileAndLine() {
        edit(flags, "@effect(\"ADVISORY\")", "@effect(\"WARN\")");
        assertProblem(flags, lineOf(flags, "rule \"Automated contact\""), "@effect \"WARN\" must be DENY or ADVISORY",
                onlyProblem(rejected()));
    }

    @Test
    void idUsedByTwoFilesOfOnePackIsRejectedAtTheLaterRuleNamingTheEarlier() {
        // flags.drl comes before calls.drl in pack.rules, so the rule in calls.drl is the repeat.
        edit(calls, "@id(\"PROBE-CAP-01\")", "@id(\"PROBE-MINOR-01\")");
        assertProblem(calls, lineOf(calls, CAP_RULE),
                "@id PROBE-MINOR-01 is already used by rule \"Debtor is a minor\" at " + flags + ":"
                        + lineOf(flags, MINOR_RULE),
                onlyProblem(rejected()));
    }

    @Test
    void idUsedByTwoPacksIsRejected() {
        Path policy = copy(HOUSE, root).resolve("policy.drl");
        // house loads before probe (folder name order), so the probe rule is the repeat.
        edit(flags, "@id(\"PROBE-MINOR-01\")", "@id(\"SAFEGUARD-MINOR-01\")");
        assertProblem(flags, lineOf(flags, MINOR_RULE), "@id SAFEGUARD-MINOR-01 is already used by rule \""
                + "Minor debtor (house policy)\" at " + policy + ":" + lineOf(policy, "rule \"Minor debtor"),
                onlyProblem(rejected()));
    }

    @Test
    void reservedIdInputInvalidIsRejectedWithFileAndLine() {
        edit(flags, "@id(\"PROBE-MINOR-01\")", "@id(\"INPUT-INVALID\")");
        assertProblem(flags, lineOf(flags, MINOR_RULE), "@id INPUT-INVALID is reserved for the engine",
                onlyProblem(rejected()));
    }

    // --- parameters in pack.properties and the @parameters declaration ---

    @Test
    void misspelledParameterInPackPropertiesIsRejectedWithItsLine() {
        edit(properties, "callCap = 2", "calCap = 2");
        RuleLoadException failure = rejected();
        assertProblem(properties, lineOf(properties, "calCap = 2"),
                "unknown parameter 'calCap' for pack 'probe' (declared: callCap, callWindow, hoursStart, hoursEnd)",
                problemMentioning(failure, "'calCap'"));
        // The declared parameter the typo was meant to set is now without a value: reported too.
        assertProblem(properties, 0, "parameter 'callCap' (declared at " + parameters + ":"
                + lineOf(parameters, "callCap    : int") + ") has no value", problemMentioning(failure, "'callCap'"));
        assertEquals(2, failure.problems().size(), failure::getMessage);
    }

    @Test
    void intParameterWrittenAsAWordIsRejectedWithItsLine() {
        edit(properties, "callCap = 2", "callCap = seven");
        assertProblem(properties, lineOf(properties, "callCap = seven"),
                "parameter 'callCap' must be a whole number >= 0, e.g. 7, found 'seven'",
                problemMentioning(rejected(), "found 'seven'"));
    }

    @Test
    void negativeCapIsRejectedWithItsLine() {
        edit(properties, "callCap = 2", "callCap = -2");
        assertProblem(properties, lineOf(properties, "callCap = -2"),
                "parameter 'callCap' must be a whole number >= 0, e.g. 7, found '-2'", onlyProblem(rejected()));
    }

    @Test
    void wronglyTypedValueIsReportedOnceNotAlsoAsMissing() {
        edit(properties, "callCap = 2", "callCap = seven");
        assertProblem(properties, lineOf(properties, "callCap = seven"),
                "parameter 'callCap' must be a whole number >= 0, e.g. 7, found 'seven'", onlyProblem(rejected()));
    }

    @Test
    void localTimeParameterWrittenAs8amIsRejectedWithItsLine() {
        edit(properties, "hoursStart = 08:00", "hoursStart = 8am");
        assertProblem(properties, lineOf(properties, "hoursStart = 8am"),
                "parameter 'hoursStart' must be a local time HH:mm, e.g. 08:00, found '8am'",
                problemMentioning(rejected(), "found '8am'"));
    }

    @Test
    void durationParameterWrittenAsAWeekIsRejectedWithItsLine() {
        edit(properties, "callWindow = 7d", "callWindow = 1 week");
        assertProblem(properties, lineOf(properties, "callWindow = 1 week"), "parameter 'callWindow' must be a duration",
                problemMentioning(rejected(), "found '1 week'"));
    }

    @Test
    void declaredParameterWithoutValueIsRejectedNamingItsDeclaration() {
        edit(properties, "hoursEnd = 21:00\n", "");
        assertProblem(properties, 0, "parameter 'hoursEnd' (declared at " + parameters + ":"
                + lineOf(parameters, "hoursEnd   :") + ") has no value; set it here", onlyProblem(rejected()));
    }

    @Test
    void parameterOfUnsupportedTypeIsRejectedAtTheFieldLine() {
        edit(parameters, "    hoursEnd   : java.time.LocalTime\n",
                "    hoursEnd   : java.time.LocalTime\n    ratio      : java.math.BigDecimal\n");
        assertProblem(parameters, lineOf(parameters, "ratio      :"),
                "parameter 'ratio' has type java.math.BigDecimal; supported: int, long, double, boolean, String,"
                        + " LocalTime, Duration, ZoneId",
                onlyProblem(rejected()));
    }

    // --- numbers and clock times belong in pack.properties, not in conditions ---

    @Test
    void numberInConditionIsRejectedWithItsLine() {
        edit(calls, "placedCalls($account, $window) >= $cap", "placedCalls($account, $window) >= 7");
        assertProblem(calls, lineOf(calls, ">= 7"), "number 7 written in a condition", onlyProblem(rejected()));
    }

    @Test
    void clockTimeStringInConditionIsRejectedWithItsLine() {
        edit(hours, "outsideAnyZone($start, $end)", "outsideAnyZone(java.time.LocalTime.parse(\"08:00\"), $end)");
        assertProblem(hours, lineOf(hours, "\"08:00\""), "time \"08:00\" written in a condition",
                onlyProblem(rejected()));
    }

    @Test
    void numberInAConditionOnTheWhenLineIsRejected() {
        edit(calls, "when\n    ProbeParameters($cap : callCap, $window : callWindow)",
                "when ProbeParameters($cap : callCap > 5, $window : callWindow)");
        assertProblem(calls, lineOf(calls, "callCap > 5"), "number 5 written in a condition", onlyProblem(rejected()));
    }

    @Test
    void numberInAConditionOnTheThenLineIsRejected() {
        edit(calls, ">= $cap)\nthen", ">= 7) then");
        assertProblem(calls, lineOf(calls, ">= 7) then"), "number 7 written in a condition", onlyProblem(rejected()));
    }

    @Test
    void numberWithATypeSuffixInAConditionIsRejected() {
        edit(calls, ">= $cap", ">= 7L");
        assertProblem(calls, lineOf(calls, ">= 7L"), "number 7L written in a condition", onlyProblem(rejected()));
    }

    @Test
    void numbersInConsequencesAreAllowed() {
        edit(calls, "\"account \" + $account", "\"account \" + $account + \" (\" + (1 + 1) + \" checks)\"");
        ComplianceEngine.builder().rulesDirectory(root).build();
    }

    // --- the files of a pack ---

    @Test
    void drlFileInTheFolderButNotListedInPackRulesIsRejected() {
        Path stray = probe.resolve("stray.drl");
        write(stray, "package org.contactguard.rules.probe;\n");
        assertProblem(stray, 0, "is not listed in pack.rules of " + properties, onlyProblem(rejected()));
    }

    @Test
    void packRulesListingAMissingFileIsRejectedAtThePackRulesLine() {
        edit(properties, "hours.drl, calls.drl", "hours.drl, calls.drl, visits.drl");
        assertProblem(properties, lineOf(properties, "pack.rules ="), "lists 'visits.drl', which does not exist",
                onlyProblem(rejected()));
    }

    @Test
    void unknownPackSettingIsRejectedWithItsLine() {
        edit(properties, "pack.name = Probe\n", "pack.name = Probe\npack.version = 2\n");
        assertProblem(properties, lineOf(properties, "pack.version"), "unknown pack setting 'pack.version'",
                onlyProblem(rejected()));
    }

    @Test
    void twoPacksUsingTheSameDrlPackageAreRejected() {
        Path policy = copy(HOUSE, root).resolve("policy.drl");
        edit(policy, "package org.contactguard.rules.house;", "package org.contactguard.rules.probe;");
        // house loads first and takes the package; probe's first file (pack.rules order) is reported.
        assertProblem(parameters, lineOf(parameters, "package org.contactguard.rules.probe;"),
                "package org.contactguard.rules.probe is already used by pack 'house'",
                onlyProblem(rejected()));
    }

    @Test
    void packageProblemIsReportedAtThePackageStatementBelowAHeaderComment() {
        Path policy = copy(HOUSE, root).resolve("policy.drl");
        edit(policy, "package org.contactguard.rules.house;", "package org.contactguard.rules.probe;");
        edit(parameters, "package org.contactguard.rules.probe;", "// Probe pack parameters.\n\n"
                + "package org.contactguard.rules.probe;");
        assertProblem(parameters, lineOf(parameters, "package org.contactguard.rules.probe;"),
                "package org.contactguard.rules.probe is already used by pack 'house'", onlyProblem(rejected()));
    }

    // --- parameter overrides ---

    @Test
    void overrideFileNamingAnUnknownPackIsRejectedWithItsLine() {
        Path overrides = root.resolve("deployment.properties");
        write(overrides, "# deployment overrides\nprobe.callCap = 3\nprobes.callCap = 3\n");
        assertProblem(overrides, 3, "pack 'probes' is not loaded (loaded: [probe])",
                onlyProblem(rejected(ComplianceEngine.builder().rulesDirectory(root).parameters(overrides))));
    }

    @Test
    void overrideFileNamingAnUnknownParameterIsRejectedWithItsLine() {
        Path overrides = root.resolve("deployment.properties");
        write(overrides, "# deployment overrides\nprobe.callCap = 3\nprobe.calWindow = 5d\n");
        assertProblem(overrides, 3, "unknown parameter 'calWindow' for pack 'probe'",
                onlyProblem(rejected(ComplianceEngine.builder().rulesDirectory(root).parameters(overrides))));
    }

    @Test
    void overrideFileWithABadValueIsRejectedWithItsLine() {
        Path overrides = root.resolve("deployment.properties");
        write(overrides, "# deployment overrides\n\nprobe.callCap = 3.5\nprobe.callWindow = 5d\n");
        assertProblem(overrides, 3, "parameter 'callCap' must be a whole number >= 0, e.g. 7, found '3.5'",
                onlyProblem(rejected(ComplianceEngine.builder().rulesDirectory(root).parameters(overrides))));
    }

    @Test
    void builderOverrideWithABadValueIsRejectedNamingTheBuilder() {
        RuleProblem problem = onlyProblem(rejected(ComplianceEngine.builder().rulesDirectory(root)
                .parameter(PROBE, "hoursEnd", "9pm")));
        assertEquals(new RuleProblem("(builder)", 0,
                "parameter 'hoursEnd' must be a local time HH:mm, e.g. 08:00, found '9pm'"), problem);
    }

    // --- reporting ---

    @Test
    void severalProblemsAreAllReportedInFileAndLineOrder() {
        edit(calls, "    @citation(\"Probe citation C\")\n", "");
        edit(flags, "@effect(\"ADVISORY\")", "@effect(\"WARN\")");
        edit(flags, "@authority(\"HOUSE_POLICY\")", "@authority(\"POLICY\")");
        edit(properties, "pack.name = Probe\n", "pack.name = Probe\npack.version = 2\n");
        RuleLoadException failure = rejected();
        List<RuleProblem> problems = failure.problems();
        assertEquals(4, problems.size(), failure::getMessage);
        assertProblem(calls, lineOf(calls, CAP_RULE), "missing @citation", problems.get(0));
        assertProblem(flags, lineOf(flags, MINOR_RULE), "@authority \"POLICY\"", problems.get(1));
        assertProblem(flags, lineOf(flags, "rule \"Automated contact\""), "@effect \"WARN\"", problems.get(2));
        assertProblem(properties, lineOf(properties, "pack.version"), "'pack.version'", problems.get(3));
        assertEquals(problems.stream().sorted(Comparator.comparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line)).toList(), problems);
        for (RuleProblem problem : problems) {
            assertTrue(failure.getMessage().contains(problem.toString()), failure::getMessage);
        }
        assertTrue(failure.getMessage().startsWith("4 problems loading rules:"), failure::getMessage);
    }

    @Test
    void problemsOfEveryFileOfAPackFolderAreReportedTogether() {
        edit(properties, "hours.drl, calls.drl", "hours.drl, calls.drl, visits.drl");
        Path stray = probe.resolve("stray.drl");
        write(stray, "package org.contactguard.rules.probe;\n");
        RuleLoadException failure = rejected();
        assertEquals(2, failure.problems().size(), failure::getMessage);
        assertProblem(properties, lineOf(properties, "pack.rules ="), "lists 'visits.drl'",
                problemMentioning(failure, "visits.drl"));
        assertProblem(stray, 0, "is not listed in pack.rules", problemMentioning(failure, "is not listed"));
    }

    @Test
    void problemsFoundWhileReadingPackFilesAreAlsoInFileAndLineOrder() {
        edit(properties, "hours.drl, calls.drl", "hours.drl, calls.drl, notes.txt");
        write(probe.resolve("extra.drl"), "package org.contactguard.rules.probe;\n");
        RuleLoadException failure = rejected();
        assertEquals(2, failure.problems().size(), failure::getMessage);
        assertEquals(failure.problems().stream().sorted(Comparator.comparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line)).toList(), failure.problems(), failure::getMessage);
    }

    @Test
    void ruleProblemReadsFileColonLineColonMessage() {
        assertEquals("rules/probe/calls.drl:12: missing @id(\"...\")",
                new RuleProblem("rules/probe/calls.drl", 12, "missing @id(\"...\")").toString());
    }

    @Test
    void ruleProblemWithoutALineReadsFileColonMessage() {
        assertEquals("rules/probe/pack.properties: 'pack.rules' must list the pack's DRL files",
                new RuleProblem("rules/probe/pack.properties", 0, "'pack.rules' must list the pack's DRL files")
                        .toString());
    }
}
