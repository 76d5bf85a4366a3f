package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.MINOR_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.NOON_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.engine.TestPacks.HOUSE;
import static org.contactguard.core.engine.TestPacks.PROBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.json.DecisionJson;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jurisdiction codes stack on their prefix, and the debtor's jurisdictions select packs as the accounts'
 * do. Probe applies to XX (and so to every XX-… code); house is its overlay for XX-A; probe cannot
 * decide XX-B alone. Both packs deny a minor, so the reasons show which packs decided and why.
 */
class JurisdictionStackingTest {

    @TempDir
    Path root;

    @BeforeEach
    void makeHouseAnOverlayOfProbeForXxA() throws IOException {
        Path probe = TestPacks.copy(PROBE, root);
        Path house = TestPacks.copy(HOUSE, root);
        append(house.resolve("pack.properties"), "pack.extends = probe\npack.jurisdictions = XX-A\n");
        append(probe.resolve("pack.properties"), "pack.jurisdictions = XX\npack.overlayJurisdictions = XX-A, XX-B\n");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\n" + text, StandardCharsets.UTF_8);
    }

    private Decision decide(String accountJurisdiction, String... debtorJurisdictions) {
        return decide(List.of(), accountJurisdiction, debtorJurisdictions);
    }

    private Decision decide(List<String> packs, String accountJurisdiction, String... debtorJurisdictions) {
        Debtor debtor = Debtor.builder("D2").zones(MINOR_IN_NEW_YORK.timeZones()).minor(true)
                .jurisdictions(debtorJurisdictions).build();
        DecisionRequest request = DecisionRequest.builder().id("j").packs(packs.toArray(String[]::new))
                .action(callAt(NOON_IN_NEW_YORK, "A1").build()).debtor(debtor)
                .account(Account.of("A1", Product.CREDIT_CARD, accountJurisdiction, 10)).build();
        return ComplianceEngine.builder().rulesDirectory(root).build().decide(request);
    }

    private static List<String> jurisdictions(Decision d) {
        return d.reasons().stream().map(Reason::jurisdiction).toList();
    }

    @Test
    void accountBelowTheOverlaysCodeBringsTheOverlayAndTheBase() {
        Decision d = decide("XX-A-1");
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"), d.ruleIds());
        assertEquals(List.of("XX-A-1", "XX-A-1"), jurisdictions(d));
    }

    @Test
    void accountInTheBaseCodeAloneIsDecidedByTheBaseSayingSo() {
        Decision d = decide("XX");
        assertEquals(List.of("PROBE-MINOR-01"), d.ruleIds());
        assertEquals(List.of("XX"), jurisdictions(d));
    }

    @Test
    void debtorLivingInTheOverlaysJurisdictionBringsTheOverlay() {
        Decision d = decide("XX-C", "XX-A");
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"), d.ruleIds());
        assertEquals(List.of("XX-A", "XX-C"), jurisdictions(d), "each pack says which code brought it in");
    }

    @Test
    void debtorLivingElsewhereInTheBaseBringsNoOverlay() {
        assertEquals(List.of("PROBE-MINOR-01"), decide("XX-C", "XX-D").ruleIds());
    }

    @Test
    void debtorJurisdictionNoLoadedPackCoversIsInputInvalidNamingIt() {
        Decision d = decide("XX", "YY");
        assertEquals(List.of(Reason.INPUT_INVALID), d.ruleIds());
        assertTrue(d.reasons().get(0).message().startsWith("debtor.jurisdictions[0]: no loaded pack applies to \"YY\""),
                d::toString);
    }

    @Test
    void debtorInAJurisdictionThatNeedsAMissingOverlayIsDeniedAsAnEngineError() {
        Decision d = decide("XX", "XX-B-9");
        assertEquals(List.of(Reason.ENGINE_ERROR), d.ruleIds());
        String message = d.reasons().get(0).message();
        assertTrue(message.contains("debtor.jurisdictions[0] (the debtor) is in XX-B"), message);
    }

    @Test
    void namedPacksNameNoJurisdictionButAnOverlayTheAccountBringsDoes() {
        Decision d = decide(List.of(PROBE), "XX-A");
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"), d.ruleIds());
        assertEquals(Arrays.asList("XX-A", null), jurisdictions(d));
    }

    @Test
    void theJurisdictionIsWrittenInTheDecisionJsonAndReadBack() {
        Decision d = decide("XX-A-1");
        String line = DecisionJson.writeDecision(d);
        assertTrue(line.contains("\"jurisdiction\":\"XX-A-1\""), line);
        assertEquals(d, DecisionJson.readDecision(line));
    }

    @Test
    void aReasonWithoutAJurisdictionIsWrittenWithoutTheField() {
        Decision d = decide(List.of(PROBE), "XX");
        assertNull(d.reasons().get(0).jurisdiction());
        assertTrue(!DecisionJson.writeDecision(d).contains("jurisdiction\""), d::toString);
    }
}
