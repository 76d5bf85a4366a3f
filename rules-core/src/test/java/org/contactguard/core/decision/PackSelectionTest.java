package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.ADULT_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.MINOR_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.NOON_IN_NEW_YORK;
import static org.contactguard.core.decision.Requests.callAt;
import static org.contactguard.core.decision.Requests.capReachedBefore;
import static org.contactguard.core.decision.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.DecisionRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request that names packs runs only their rules; the version names exactly what decided. */
class PackSelectionTest {

    private static final String HOUSE = TestPacks.HOUSE;
    private static final String PROBE = TestPacks.PROBE;

    private static ComplianceEngine houseAndProbe;

    @TempDir
    Path root;

    @BeforeAll
    static void buildEngine() {
        houseAndProbe = ComplianceEngine.builder().packs(HOUSE, PROBE).build();
    }

    private static DecisionRequest.Builder minorAtNoon() {
        return request(callAt(NOON_IN_NEW_YORK, "A1").build(), MINOR_IN_NEW_YORK);
    }

    private static DecisionRequest twoCallsAboutA1AtNoon() {
        return request(callAt(NOON_IN_NEW_YORK, "A1").build(), ADULT_IN_NEW_YORK)
                .history(capReachedBefore(NOON_IN_NEW_YORK, "A1")).build();
    }

    @Test
    void requestNamingOnePackRunsOnlyThatPacksRules() {
        assertEquals(List.of("SAFEGUARD-MINOR-01"), houseAndProbe.decide(minorAtNoon().packs(HOUSE).build()).ruleIds());
        assertEquals(List.of("PROBE-MINOR-01"), houseAndProbe.decide(minorAtNoon().packs(PROBE).build()).ruleIds());
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"),
                houseAndProbe.decide(minorAtNoon().build()).ruleIds());
        assertEquals(List.of("SAFEGUARD-MINOR-01", "PROBE-MINOR-01"),
                houseAndProbe.decide(minorAtNoon().packs(PROBE, HOUSE).build()).ruleIds());
    }

    @Test
    void rulesOfAPackTheRequestDoesNotNameNeverFire() {
        ComplianceEngine engine = ComplianceEngine.builder().packs(TestPacks.FAULTY, PROBE).build();
        Debtor boom = Debtor.of("boom", "America/New_York");
        // The faulty pack's throwing rule matches this debtor, but only runs when its pack is applied.
        assertEquals(Verdict.ALLOW,
                engine.decide(request(callAt(NOON_IN_NEW_YORK, "A1").build(), boom).packs(PROBE).build()).verdict());
        assertEquals(List.of(Reason.ENGINE_ERROR),
                engine.decide(request(callAt(NOON_IN_NEW_YORK, "A1").build(), boom).build()).ruleIds());
    }

    @Test
    void ruleSetVersionDiffersBetweenPackSubsets() {
        String house = houseAndProbe.decide(minorAtNoon().packs(HOUSE).build()).ruleSetVersion();
        String probe = houseAndProbe.decide(minorAtNoon().packs(PROBE).build()).ruleSetVersion();
        String both = houseAndProbe.decide(minorAtNoon().build()).ruleSetVersion();
        assertEquals(3, Set.of(house, probe, both).size(), () -> List.of(house, probe, both).toString());
        assertEquals(houseAndProbe.version(), both);
        assertEquals(houseAndProbe.rules().version(List.of(HOUSE)), house);
        assertEquals(both, houseAndProbe.decide(minorAtNoon().packs(PROBE, HOUSE).build()).ruleSetVersion(),
                "the order a request names packs in does not change what decides");
    }

    @Test
    void ruleSetVersionIsStableAcrossEnginesBuiltFromTheSameFiles() {
        ComplianceEngine again = ComplianceEngine.builder().packs(HOUSE, PROBE).build();
        TestPacks.copy(HOUSE, root);
        TestPacks.copy(PROBE, root);
        ComplianceEngine fromFolder = ComplianceEngine.builder().rulesDirectory(root).build();
        for (ComplianceEngine other : List.of(again, fromFolder)) {
            assertEquals(houseAndProbe.version(), other.version());
            for (String pack : List.of(HOUSE, PROBE)) {
                assertEquals(houseAndProbe.decide(minorAtNoon().packs(pack).build()),
                        other.decide(minorAtNoon().packs(pack).build()));
            }
        }
        assertEquals(houseAndProbe.rules().version(List.of(PROBE)),
                ComplianceEngine.builder().pack(PROBE).build().version(),
                "a pack's version does not depend on which other packs are loaded");
    }

    @Test
    void parameterOverrideChangesTheDecisionAndTheVersion() {
        ComplianceEngine defaults = ComplianceEngine.builder().pack(PROBE).build();
        ComplianceEngine capOfThree = ComplianceEngine.builder().pack(PROBE).parameter(PROBE, "callCap", "3").build();
        Decision denied = defaults.decide(twoCallsAboutA1AtNoon());
        Decision allowed = capOfThree.decide(twoCallsAboutA1AtNoon());
        assertEquals(List.of("PROBE-CAP-01"), denied.ruleIds());
        assertEquals(Verdict.ALLOW, allowed.verdict());
        assertNotEquals(denied.ruleSetVersion(), allowed.ruleSetVersion());
        assertEquals(capOfThree.version(), allowed.ruleSetVersion());
        assertEquals(3, capOfThree.rules().pack(PROBE).parameters().get("callCap"));
    }

    @Test
    void overrideFileMapAndSingleOverrideGiveTheSameVersion() {
        Path file = root.resolve("deployment.properties");
        TestPacks.write(file, "# deployment overrides\nprobe.callCap = 3\n");
        String fromFile = ComplianceEngine.builder().pack(PROBE).parameters(file).build().version();
        String fromMap = ComplianceEngine.builder().pack(PROBE).parameters(Map.of("probe.callCap", "3")).build()
                .version();
        String fromSingle = ComplianceEngine.builder().pack(PROBE).parameter(PROBE, "callCap", "3").build().version();
        assertEquals(fromSingle, fromFile);
        assertEquals(fromSingle, fromMap);
    }
}
