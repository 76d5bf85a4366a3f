package org.contactguard.core.engine;

import static org.contactguard.core.engine.TestPacks.PROBE;
import static org.contactguard.core.engine.TestPacks.assertProblem;
import static org.contactguard.core.engine.TestPacks.copy;
import static org.contactguard.core.engine.TestPacks.edit;
import static org.contactguard.core.engine.TestPacks.lineOf;
import static org.contactguard.core.engine.TestPacks.onlyProblem;
import static org.contactguard.core.engine.TestPacks.read;
import static org.contactguard.core.engine.TestPacks.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load-time checks and lint warnings of the rule vocabulary: measures declared in
 * pack.properties, names and messages without numbers, and the constructs lint flags.
 */
class VocabularyLoadTest {

    private static final String CAP_RULE = "rule \"Call over the probe cap\"";

    @TempDir
    Path root;

    private Path properties;
    private Path calls;

    @BeforeEach
    void copyProbePack() {
        Path probe = copy(PROBE, root);
        properties = probe.resolve("pack.properties");
        calls = probe.resolve("calls.drl");
    }

    private RuleSet load() {
        return ComplianceEngine.builder().rulesDirectory(root).build().rules();
    }

    private RuleLoadException rejected() {
        return assertThrows(RuleLoadException.class, ComplianceEngine.builder().rulesDirectory(root)::build);
    }

    @Test
    void aVocabularyTwoPackWhoseMessageSpellsANumberIsRejectedAtTheRule() {
        write(properties, read(properties) + "pack.vocabulary = 2\n");
        edit(calls, "@message(\"Too many placed calls\")", "@message(\"More than 2 placed calls\")");
        assertProblem(calls, lineOf(calls, CAP_RULE), "@message spells the number 2", onlyProblem(rejected()));
    }

    @Test
    void aVocabularyTwoPackWhoseMessageNamesTheParameterLoads() {
        write(properties, read(properties) + "pack.vocabulary = 2\n");
        edit(calls, "@message(\"Too many placed calls\")", "@message(\"More than {callCap} placed calls\")");
        assertEquals(List.of(), load().rules().stream().filter(r -> r.message().contains("2")).toList());
    }

    @Test
    void aVocabularyTwoPackWhoseRuleNameSpellsANumberIsRejected() {
        write(properties, read(properties) + "pack.vocabulary = 2\n");
        edit(calls, CAP_RULE, "rule \"Third call over the probe cap of 2\"");
        assertProblem(calls, lineOf(calls, "Third call"), "name spells the number 2", onlyProblem(rejected()));
    }

    @Test
    void anOlderPackWhoseMessageSpellsAParameterValueLoadsWithAWarning() {
        edit(calls, "@message(\"Too many placed calls\")", "@message(\"More than 2 placed calls\")");
        RuleSet rules = load();
        assertTrue(rules.warnings().stream().anyMatch(w -> w.file().equals(calls.toString())
                && w.line() == lineOf(calls, CAP_RULE) && w.message().contains("spells 2")), rules.warnings()::toString);
    }

    @Test
    void aMeasureWithAnUnknownClauseIsRejectedAtItsLine() {
        write(properties, read(properties) + "measure.calls = channel CALL, per account, within callWindow, cap callCap,"
                + " sometimes\n");
        assertProblem(properties, lineOf(properties, "measure.calls"), "'sometimes' is not a clause",
                onlyProblem(rejected()));
    }

    @Test
    void aMeasureWhoseWindowIsNotAParameterIsRejected() {
        write(properties, read(properties) + "measure.calls = channel CALL, per account, within callDays, cap callCap\n");
        assertProblem(properties, lineOf(properties, "measure.calls"), "within names 'callDays'", onlyProblem(rejected()));
    }

    @Test
    void aMeasureWithoutACapIsRejected() {
        write(properties, read(properties) + "measure.calls = channel CALL, per account, within callWindow\n");
        assertProblem(properties, lineOf(properties, "measure.calls"), "needs 'per', 'within' and 'cap'",
                onlyProblem(rejected()));
    }

    @Test
    void aWellFormedMeasureLoads() {
        write(properties, read(properties) + "measure.calls = channel CALL, initiatedBy COLLECTOR, connected, per account,"
                + " within callWindow, cap callCap\n");
        assertEquals(PROBE, load().packIds().get(0));
    }

    @Test
    void aMeasureWithTheOverlayClausesLoads() {
        write(properties, read(properties) + "measure.calls = channel CALL|SMS, unprompted, recipient DEBTOR|SPOUSE,"
                + " contactPoint not WORK_PHONE, outcome CALL CONNECTED|VOICEMAIL|unknown, outcome SMS not FAILED,"
                + " atWork, purpose not REPOSSESSION, jurisdiction US-MA, per account, within callWindow, cap callCap\n");
        assertEquals(PROBE, load().packIds().get(0));
    }

    @Test
    void aMeasureNamingAnUnknownChannelInAListIsRejectedAtItsLine() {
        write(properties, read(properties) + "measure.calls = channel CALL|FAX, per account, within callWindow,"
                + " cap callCap\n");
        assertProblem(properties, lineOf(properties, "measure.calls"), "FAX", onlyProblem(rejected()));
    }

    @Test
    void aPurposeClauseMustSayWhichPurposesAreLeftOut() {
        write(properties, read(properties) + "measure.calls = channel CALL, purpose REPOSSESSION, per account,"
                + " within callWindow, cap callCap\n");
        assertProblem(properties, lineOf(properties, "measure.calls"), "purpose not A|B", onlyProblem(rejected()));
    }

    @Test
    void aJurisdictionClauseWithAMalformedCodeIsRejected() {
        write(properties, read(properties) + "measure.calls = channel CALL, jurisdiction US_MA, per account,"
                + " within callWindow, cap callCap\n");
        assertProblem(properties, lineOf(properties, "measure.calls"), "US_MA", onlyProblem(rejected()));
    }

    @Test
    void aMessagesFileNamingARuleThePackLacksIsRejectedAtItsLine() {
        write(properties, read(properties) + "pack.locales = zh-CN\n");
        Path messages = properties.resolveSibling("messages_zh-CN.properties");
        write(messages, "PROBE-CAP-01 = 外呼次数过多\nPROBE-NONE-01 = 没有这条规则\n");
        assertProblem(messages, 2, "no rule with @id PROBE-NONE-01", onlyProblem(rejected()));
    }

    @Test
    void aListedLanguageWithoutItsMessagesFileIsRejected() {
        write(properties, read(properties) + "pack.locales = zh-CN\n");
        assertProblem(properties, lineOf(properties, "pack.locales"), "has no messages_zh-CN.properties",
                onlyProblem(rejected()));
    }

    @Test
    void anEngineAskedForALanguageUsesThePacksMessagesInIt() {
        write(properties, read(properties) + "pack.locales = zh-CN\n");
        write(properties.resolveSibling("messages_zh-CN.properties"), "PROBE-CAP-01 = 外呼次数过多\n");
        RuleInfo cap = load().rule("PROBE-CAP-01");
        assertEquals("外呼次数过多", cap.message("zh-CN"));
        assertEquals("外呼次数过多", cap.message("zh"));
        assertEquals("Too many placed calls", cap.message("en"));
        assertEquals("Too many placed calls", cap.message(null));
    }

    @Test
    void lintWarnsAboutFromHelperCallsAndStaticHelpersInConditionsWithFileAndLine() {
        RuleSet rules = load();
        int line = lineOf(calls, "$account : String() from $action.accountIds");
        // `from $action.accountIds` reads a field, not a helper: no warning on that line.
        assertTrue(rules.warnings().stream().noneMatch(w -> w.line() == line && w.file().equals(calls.toString())),
                rules.warnings()::toString);
        edit(calls, "$history : ContactHistory(placedCalls($account, $window) >= $cap)",
                "$history : ContactHistory(placedCalls($account, $window) >= $cap) from ContactHistory.of($action.at, null)"
                        + "\n    eval(Boolean.valueOf(true) == false)");
        RuleSet edited = load();
        List<String> found = edited.warnings().stream().filter(w -> w.file().equals(calls.toString()))
                .map(RuleProblem::toString).toList();
        int helper = lineOf(calls, "from ContactHistory.of");
        int eval = lineOf(calls, "eval(");
        assertTrue(found.stream().anyMatch(w -> w.startsWith(calls + ":" + helper + ": warning:")
                && w.contains("'from Helper.of(...)'")), found::toString);
        assertTrue(found.stream().anyMatch(w -> w.startsWith(calls + ":" + eval + ": warning:") && w.contains("'eval'")),
                found::toString);
        assertTrue(found.stream().anyMatch(w -> w.startsWith(calls + ":" + eval + ": warning:")
                && w.contains("'== false'")), found::toString);
        assertTrue(found.stream().anyMatch(w -> w.startsWith(calls + ":" + eval + ": warning:")
                && w.contains("static helper call")), found::toString);
    }

    @Test
    void lintWarnsAboutACollectorExemptedRuleByRule() {
        edit(calls, "$action : ProposedAction(channel == Channel.CALL)",
                "Collector(kind != CollectorKind.CREDITOR)\n    $action : ProposedAction(channel == Channel.CALL)");
        edit(calls, "import org.contactguard.core.model.Channel;",
                "import org.contactguard.core.model.Channel;\nimport org.contactguard.core.model.Collector;\n"
                        + "import org.contactguard.core.model.CollectorKind;");
        int line = lineOf(calls, "Collector(kind != CollectorKind.CREDITOR)");
        List<String> found = load().warnings().stream().filter(w -> w.file().equals(calls.toString()))
                .map(RuleProblem::toString).toList();
        assertTrue(found.stream().anyMatch(w -> w.startsWith(calls + ":" + line + ": warning:")
                && w.contains("pack.exemptCollectorKinds")), found::toString);
    }
}
