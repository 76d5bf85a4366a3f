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
 * Overlays: the house pack is made an overlay of probe for jurisdiction XX-A; probe says it cannot
 * decide XX-A or XX-B alone. Both packs deny a minor, so which packs decided shows in the reasons.
 */
class OverlaySelectionTest {

    @TempDir
    Path root;

    private Path house;
    private Path probe;

    @BeforeEach
    void makeHouseAnOverlayOfProbe() throws IOException {
        probe = TestPacks.copy(PROBE, root);
        house = TestPacks.copy(HOUSE, root);
        append(house.resolve("pack.properties"), "pack.extends = probe\npack.jurisdictions = XX-A\n");
        append(probe.resolve("pack.properties"), "pack.overlayJurisdictions = XX-A, XX-B\n");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\n" + text, StandardCharsets.UTF_8);
    }

    private ComplianceEngine engine() {
        return ComplianceEngine.builder().rulesDirectory(root).build();
    }

    private static DecisionRequest.Builder minorWithAccountIn(String jurisdiction) {
        return DecisionRequest.builder().id("o").action(callAt(NOON_IN_NEW_YORK, "A1").build())
                .debtor(MINOR_IN_NEW_YORK).account(Account.of("A1", Product.CREDIT_CARD, jurisdiction, 10));
    }

    @Test
    void accountInTheOverlaysJurisdictionBringsTheOverlayWhenOnlyTheBaseIsNamed() {
        Decision d = engine().decide(minorWithAccountIn("XX-A").packs(PROBE).build());
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"), d.ruleIds());
    }

    @Test
    void accountElsewhereIsDecidedByTheBaseAlone() {
        ComplianceEngine engine = engine();
        Decision d = engine.decide(minorWithAccountIn("XX-C").packs(PROBE).build());
        assertEquals(List.of("PROBE-MINOR-01"), d.ruleIds());
        assertEquals(engine.rules().version(List.of(PROBE)), d.ruleSetVersion());
    }

    @Test
    void overlaysAreNotAmongTheDefaultsOnTheirOwn() {
        ComplianceEngine engine = engine();
        assertEquals(List.of(PROBE), engine.rules().selection().defaults());
        assertEquals(List.of("PROBE-MINOR-01"), engine.decide(minorWithAccountIn("XX-C").build()).ruleIds());
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"),
                engine.decide(minorWithAccountIn("XX-A").build()).ruleIds());
    }

    @Test
    void namingTheOverlayBringsItsBase() {
        Decision d = engine().decide(minorWithAccountIn("XX-C").packs(HOUSE).build());
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"), d.ruleIds());
    }

    @Test
    void jurisdictionThatNeedsAnOverlayNoneProvidesIsDeniedAsAnEngineError() {
        Decision d = engine().decide(minorWithAccountIn("XX-B").packs(PROBE).build());
        assertEquals(List.of(Reason.ENGINE_ERROR), d.ruleIds());
        assertTrue(d.reasons().get(0).message().contains("overlay not loaded"), d::toString);
        assertTrue(d.reasons().get(0).message().contains("XX-B"), d::toString);
    }

    @Test
    void withoutTheOverlayLoadedItsJurisdictionIsDeniedNotDecidedByTheBaseAlone() {
        ComplianceEngine probeOnly = ComplianceEngine.builder().rulesDirectory(root).pack(PROBE).build();
        Decision d = probeOnly.decide(minorWithAccountIn("XX-A").build());
        assertEquals(List.of(Reason.ENGINE_ERROR), d.ruleIds());
        assertEquals(Verdict.DENY, d.verdict());
    }

    @Test
    void invalidInputIsReportedBeforeAMissingOverlay() {
        DecisionRequest broken = DecisionRequest.builder().id("o").packs(PROBE)
                .action(callAt(NOON_IN_NEW_YORK, "A9").build()).debtor(MINOR_IN_NEW_YORK)
                .account(Account.of("A1", Product.CREDIT_CARD, "XX-B", 10)).build();
        assertEquals(List.of(Reason.INPUT_INVALID), engine().decide(broken).ruleIds());
    }

    @Test
    void overlayExtendingAPackThatIsNotLoadedIsRejectedAtLoad() {
        RuleLoadException e = assertThrows(RuleLoadException.class,
                () -> ComplianceEngine.builder().rulesDirectory(root).pack(HOUSE).build());
        assertTrue(e.getMessage().contains("extends pack 'probe', which is not loaded"), e::getMessage);
        assertTrue(e.getMessage().contains("house" + java.io.File.separator + "pack.properties:"), e::getMessage);
    }

    @Test
    void overlayWithoutJurisdictionsIsRejected() throws IOException {
        TestPacks.edit(house.resolve("pack.properties"), "pack.jurisdictions = XX-A\n", "");
        RuleLoadException e = assertThrows(RuleLoadException.class, this::engine);
        assertTrue(e.getMessage().contains("an overlay needs pack.jurisdictions"), e::getMessage);
    }

    @Test
    void overlayOfAnOverlayIsRejected() throws IOException {
        append(probe.resolve("pack.properties"), "pack.extends = house\npack.jurisdictions = XX-C\n");
        RuleLoadException e = assertThrows(RuleLoadException.class, this::engine);
        assertTrue(e.getMessage().contains("which is itself an overlay"), e::getMessage);
    }
}
