package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.MINOR_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.NOON_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.engine.TestPacks.HOUSE;
import static org.contactguard.core.engine.TestPacks.PROBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request that names no packs is decided by the default packs that apply to its accounts'
 * jurisdictions. Here probe applies to XX and house to YY and YY-*; both deny a minor, so the
 * reasons show which packs decided.
 */
class DefaultPackSelectionTest {

    private static final String PROBE_DENIES = "PROBE-MINOR-01";
    private static final String HOUSE_DENIES = "SAFEGUARD-MINOR-01";

    @TempDir
    Path root;

    private Path house;
    private Path probe;

    @BeforeEach
    void giveEachPackItsJurisdictions() throws IOException {
        probe = TestPacks.copy(PROBE, root);
        house = TestPacks.copy(HOUSE, root);
        append(probe.resolve("pack.properties"), "pack.jurisdictions = XX\n");
        append(house.resolve("pack.properties"), "pack.jurisdictions = YY, YY-*\n");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\n" + text, StandardCharsets.UTF_8);
    }

    private ComplianceEngine engine() {
        return ComplianceEngine.builder().rulesDirectory(root).build();
    }

    private static DecisionRequest.Builder minorWithAccountsIn(String... jurisdictions) {
        DecisionRequest.Builder builder = DecisionRequest.builder().id("d").debtor(MINOR_IN_NEW_YORK)
                .action(callAt(NOON_IN_NEW_YORK, "A0").build());
        for (int i = 0; i < jurisdictions.length; i++) {
            builder.account(Account.of("A" + i, Product.CREDIT_CARD, jurisdictions[i], 10));
        }
        return builder;
    }

    @Test
    void eachAccountBringsThePacksThatApplyToItsJurisdiction() {
        ComplianceEngine engine = engine();
        assertEquals(List.of(PROBE_DENIES), engine.decide(minorWithAccountsIn("XX").build()).ruleIds());
        assertEquals(List.of(HOUSE_DENIES), engine.decide(minorWithAccountsIn("YY").build()).ruleIds());
        assertEquals(List.of(HOUSE_DENIES), engine.decide(minorWithAccountsIn("YY-North").build()).ruleIds());
        assertEquals(List.of(HOUSE_DENIES, PROBE_DENIES),
                engine.decide(minorWithAccountsIn("XX", "YY-North").build()).ruleIds());
    }

    @Test
    void aPrefixPatternMatchesOnlyWhatStartsWithIt() {
        Decision d = engine().decide(minorWithAccountsIn("YYZ").build());
        assertEquals(List.of(Reason.INPUT_INVALID), d.ruleIds());
        assertTrue(d.reasons().get(0).message().startsWith("accounts[0].jurisdiction: no loaded pack applies to \"YYZ\""),
                d::toString);
    }

    @Test
    void anAccountNoPackAppliesToIsInputInvalidNamingItsJurisdiction() {
        Decision d = engine().decide(minorWithAccountsIn("XX", "UK").build());
        assertEquals(Verdict.DENY, d.verdict());
        assertEquals(List.of(Reason.INPUT_INVALID), d.ruleIds());
        String message = d.reasons().get(0).message();
        assertTrue(message.startsWith("accounts[1].jurisdiction: no loaded pack applies to \"UK\""), message);
        assertTrue(message.contains("name the packs to apply"), message);
    }

    @Test
    void namedPacksDecideWhateverTheJurisdiction() {
        ComplianceEngine engine = engine();
        assertEquals(List.of(HOUSE_DENIES), engine.decide(minorWithAccountsIn("XX").packs(HOUSE).build()).ruleIds());
        assertEquals(List.of(PROBE_DENIES), engine.decide(minorWithAccountsIn("UK").packs(PROBE).build()).ruleIds());
    }

    @Test
    void aPackWithoutJurisdictionsAppliesToEveryAccount() throws IOException {
        TestPacks.edit(house.resolve("pack.properties"), "pack.jurisdictions = YY, YY-*\n", "");
        ComplianceEngine engine = engine();
        assertEquals(List.of(HOUSE_DENIES, PROBE_DENIES), engine.decide(minorWithAccountsIn("XX").build()).ruleIds());
        assertEquals(List.of(HOUSE_DENIES), engine.decide(minorWithAccountsIn("UK").build()).ruleIds());
    }

    @Test
    void aPackThatIsNotADefaultDecidesOnlyWhenNamed() throws IOException {
        append(house.resolve("pack.properties"), "pack.default = false\n");
        ComplianceEngine engine = engine();
        assertEquals(List.of(PROBE), engine.rules().selection().defaults());
        assertEquals(List.of(HOUSE_DENIES), engine.decide(minorWithAccountsIn("YY").packs(HOUSE).build()).ruleIds());
        Decision unnamed = engine.decide(minorWithAccountsIn("YY").build());
        assertEquals(List.of(Reason.INPUT_INVALID), unnamed.ruleIds());
    }

    @Test
    void anEngineWhosePacksAreAllNotDefaultsDeniesARequestThatNamesNone() throws IOException {
        // Reached by copying the catalog into a folder: its starter pack is pack.default = false.
        append(house.resolve("pack.properties"), "pack.default = false\n");
        append(probe.resolve("pack.properties"), "pack.default = false\n");
        ComplianceEngine engine = engine();
        assertEquals(List.of(), engine.rules().selection().defaults());
        for (String jurisdiction : List.of("XX", "YY", "UK")) {
            Decision d = engine.decide(minorWithAccountsIn(jurisdiction).build());
            assertEquals(Verdict.DENY, d.verdict(), d::toString);
            assertEquals(List.of(Reason.ENGINE_ERROR), d.ruleIds(), d::toString);
            assertTrue(d.reasons().get(0).message().contains("no pack decides this request"), d::toString);
        }
        assertEquals(List.of(HOUSE_DENIES), engine.decide(minorWithAccountsIn("YY").packs(HOUSE).build()).ruleIds());
    }

    @Test
    void anEngineBuiltWithNamedPacksKeepsThemAsDefaults() throws IOException {
        append(house.resolve("pack.properties"), "pack.default = false\n");
        ComplianceEngine engine = ComplianceEngine.builder().rulesDirectory(root).packs(HOUSE, PROBE).build();
        assertEquals(List.of(HOUSE, PROBE), engine.rules().selection().defaults());
        assertEquals(List.of(HOUSE_DENIES), engine.decide(minorWithAccountsIn("YY").build()).ruleIds());
    }

    @Test
    void aDefaultThatIsNeitherTrueNorFalseIsRejectedWithItsLine() throws IOException {
        append(house.resolve("pack.properties"), "pack.default = maybe\n");
        RuleLoadException e = assertThrows(RuleLoadException.class, this::engine);
        TestPacks.assertProblem(house.resolve("pack.properties"),
                TestPacks.lineOf(house.resolve("pack.properties"), "pack.default"),
                "pack.default must be true or false, not 'maybe'", TestPacks.onlyProblem(e));
    }

    @Test
    void aStarInsideAJurisdictionCodeIsRejected() throws IOException {
        TestPacks.edit(probe.resolve("pack.properties"), "pack.jurisdictions = XX\n", "pack.jurisdictions = X*X\n");
        RuleLoadException e = assertThrows(RuleLoadException.class, this::engine);
        assertTrue(TestPacks.onlyProblem(e).message().contains("a * may only end a code"), e::getMessage);
    }
}
