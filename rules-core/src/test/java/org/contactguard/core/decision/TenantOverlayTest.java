package org.contactguard.core.decision;

import static org.contactguard.core.decision.EffectiveDatesTest.call;
import static org.contactguard.core.decision.EffectiveDatesTest.callsBefore;
import static org.contactguard.core.decision.EffectiveDatesTest.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.contactguard.core.engine.Effect;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's tenant selects its overlay: the dated pack's {@code tenants/strict.properties}
 * tightens callCap from 7 to 5, starts visits at 09:00 instead of 08:00 and makes DATED-AUTO-01 deny.
 */
class TenantOverlayTest {

    /** Before the pack's own cap drops to 5 on 2027-01-01: the pack allows 7 calls, the tenant 5. */
    static final Instant DECEMBER_NOON_LA = Instant.parse("2026-12-10T20:00:00Z");
    /** 08:30 in Los Angeles: inside the pack's visit hours, before the tenant's. */
    static final Instant HALF_PAST_EIGHT_LA = Instant.parse("2026-12-10T16:30:00Z");
    static final String STRICT = "strict";

    @TempDir
    static Path root;
    private static ComplianceEngine engine;

    @BeforeAll
    static void loadTheRulesFolderWithItsTenant() {
        TestPacks.copy(TestPacks.DATED, root);
        engine = ComplianceEngine.builder().rulesDirectory(root).build();
    }

    private static DecisionRequest.Builder fiveCallsOrSix(int earlierCalls) {
        return request(call(DECEMBER_NOON_LA)).history(callsBefore(DECEMBER_NOON_LA, earlierCalls));
    }

    @Nested
    class ACapOfSevenTightenedToFive {

        @Test
        void theFifthCallIsAllowedForTheTenant() {
            assertEquals(Verdict.ALLOW, engine.decide(fiveCallsOrSix(4).tenant(STRICT).build()).verdict());
        }

        @Test
        void theSixthCallIsDeniedForTheTenant() {
            Decision decision = engine.decide(fiveCallsOrSix(5).tenant(STRICT).build());
            assertEquals(List.of("DATED-CAP-01"), decision.ruleIds());
            assertEquals("Account A1 already has 5 placed calls in the rolling 7 days; the cap is 5",
                    decision.reasons().get(0).message());
        }

        @Test
        void theSixthCallIsAllowedWithoutATenant() {
            assertEquals(Verdict.ALLOW, engine.decide(fiveCallsOrSix(5).build()).verdict());
        }
    }

    @Test
    void aLaterStartHourDeniesAVisitThePackAllows() {
        ProposedAction visit = ProposedAction.builder().channel(Channel.VISIT).at(HALF_PAST_EIGHT_LA)
                .recipient(Recipient.DEBTOR).accountIds("A1").visit(new VisitDetails(2, true, true, false, false, false))
                .build();
        assertEquals(Verdict.ALLOW, engine.decide(request(visit).build()).verdict());
        Decision strict = engine.decide(request(visit).tenant(STRICT).build());
        assertEquals(List.of("DATED-VISIT-01"), strict.ruleIds());
        assertEquals(Instant.parse("2026-12-10T17:00:00Z"), strict.nextPermittedAt());
    }

    @Test
    void anAdvisoryBecomesADenialForTheTenant() {
        DecisionRequest.Builder automated = request(ProposedAction.builder().channel(Channel.CALL).at(DECEMBER_NOON_LA)
                .recipient(Recipient.DEBTOR).contactPoint(Requests.MOBILE).accountIds("A1").automated(true).build());
        Decision base = engine.decide(automated.build());
        assertEquals(Verdict.ALLOW, base.verdict());
        assertEquals(List.of("DATED-AUTO-01"), base.advisories().stream().map(Reason::ruleId).toList());
        assertEquals(List.of("DATED-AUTO-01"), engine.decide(automated.tenant(STRICT).build()).ruleIds());
        assertEquals(Effect.DENY, engine.rules().variant(STRICT, DECEMBER_NOON_LA).rule("DATED-AUTO-01").effect());
    }

    @Test
    void anUnknownTenantIsInvalidInputNamingTheTenantField() {
        Decision decision = engine.decide(fiveCallsOrSix(0).tenant("nobody").build());
        assertEquals(List.of(Reason.INPUT_INVALID), decision.ruleIds());
        assertEquals(Verdict.DENY, decision.verdict());
        assertEquals(true, decision.reasons().get(0).message().startsWith("tenant: unknown tenant \"nobody\""),
                decision.reasons().get(0).message());
    }

    @Test
    void theVersionOfATenantsDecisionCoversItsOverlay() throws Exception {
        String strict = engine.decide(fiveCallsOrSix(0).tenant(STRICT).build()).ruleSetVersion();
        assertNotEquals(engine.decide(fiveCallsOrSix(0).build()).ruleSetVersion(), strict);
        Path other = Files.createTempDirectory(root, "edited");
        TestPacks.copy(TestPacks.DATED, other);
        TestPacks.edit(other.resolve("dated/tenants/strict.properties"), "callCap = 5", "callCap = 4");
        ComplianceEngine edited = ComplianceEngine.builder().rulesDirectory(other).build();
        assertNotEquals(strict, edited.decide(fiveCallsOrSix(0).tenant(STRICT).build()).ruleSetVersion());
    }

    @Test
    void theLoadedTenantsAreListed() {
        assertEquals(Set.of(STRICT), engine.rules().tenants());
    }

    @Test
    void aTenantFileGivenToTheBuilderOverlaysAClasspathPack() throws Exception {
        Path file = root.resolve("client-b.properties");
        Files.writeString(file, "dated.callCap = 5\n");
        ComplianceEngine withFile = ComplianceEngine.builder().pack(TestPacks.DATED).tenant("client-b", file).build();
        assertEquals(List.of("DATED-CAP-01"), withFile.decide(fiveCallsOrSix(5).tenant("client-b").build()).ruleIds());
        assertEquals(Verdict.ALLOW, withFile.decide(fiveCallsOrSix(5).build()).verdict());
    }

    /** The dated pack's visit hours are 08:00-21:00; each tenant hour alone would pass its direction. */
    @Nested
    class HoursThatWouldWrapRoundMidnight {

        private org.contactguard.core.engine.RuleLoadException refused(String lines) throws Exception {
            Path file = root.resolve("wrap.properties");
            Files.writeString(file, lines);
            return org.junit.jupiter.api.Assertions.assertThrows(org.contactguard.core.engine.RuleLoadException.class,
                    () -> ComplianceEngine.builder().pack(TestPacks.DATED).tenant("wrap", file).build());
        }

        @Test
        void aStartMovedPastTheEndIsRefusedAtItsLine() throws Exception {
            org.contactguard.core.engine.RuleLoadException refused = refused("# night\ndated.visitStart = 22:00\n");
            assertEquals(1, refused.problems().size(), refused.problems().toString());
            org.contactguard.core.engine.RuleProblem problem = refused.problems().get(0);
            assertEquals(root.resolve("wrap.properties").toString(), problem.file());
            assertEquals(2, problem.line());
            org.junit.jupiter.api.Assertions.assertTrue(problem.message().contains("round midnight")
                    && problem.message().contains("keep visitStart before visitEnd"), problem.message());
        }

        @Test
        void anEndMovedBeforeTheStartIsRefusedAtItsLine() throws Exception {
            org.contactguard.core.engine.RuleProblem problem = refused("dated.visitEnd = 07:00\n").problems().get(0);
            assertEquals(1, problem.line());
        }

        @Test
        void bothMovedPastEachOtherAreRefused() throws Exception {
            assertEquals(1, refused("dated.visitStart = 20:00\ndated.visitEnd = 10:00\n").problems().size());
        }

        @Test
        void aNarrowerWindowInOrderLoads() throws Exception {
            Path file = root.resolve("narrow.properties");
            Files.writeString(file, "dated.visitStart = 20:59\ndated.visitEnd = 21:00\n");
            assertEquals(Set.of("narrow"), ComplianceEngine.builder().pack(TestPacks.DATED).tenant("narrow", file).build()
                    .rules().tenants());
        }
    }

    @Nested
    class AfterThePacksOwnCapDrops {

        @Test
        void theTenantsEqualValueStillDecides() {
            Instant february = Instant.parse("2027-02-10T20:00:00Z");
            Decision decision = engine.decide(request(call(february)).history(callsBefore(february, 5)).tenant(STRICT)
                    .build());
            assertEquals(List.of("DATED-CAP-01"), decision.ruleIds());
        }
    }

    @Test
    void aReloadRefusesATenantFileThatWentEmptyAndKeepsTheOverlayServing() throws Exception {
        Path folder = Files.createTempDirectory(root, "reload");
        TestPacks.copy(TestPacks.DATED, folder);
        ComplianceEngine reloading = ComplianceEngine.builder().rulesDirectory(folder).build();
        Path file = folder.resolve("dated/tenants/strict.properties");
        TestPacks.write(file, "");
        org.contactguard.core.engine.RuleLoadException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.contactguard.core.engine.RuleLoadException.class, reloading::reload);
        TestPacks.assertProblem(file, 0, "is empty and lost the tenant values", TestPacks.onlyProblem(refused));
        assertEquals(List.of("DATED-CAP-01"), reloading.decide(fiveCallsOrSix(5).tenant(STRICT).build()).ruleIds());
        reloading.reload(ComplianceEngine.ReloadOption.ACCEPT_REMOVED_PARAMETERS);
        assertEquals(Verdict.ALLOW, reloading.decide(fiveCallsOrSix(5).tenant(STRICT).build()).verdict());
    }
}
