package org.contactguard.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Verdict;
import org.contactguard.core.engine.PackInfo;
import org.contactguard.core.engine.RuleLoadException;
import org.contactguard.core.engine.RuleProblem;
import org.contactguard.core.engine.RuleSet;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.rules.TermList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped pack says of each parameter which way a tenant may move it, or why no tenant may;
 * and the engine holds each pack to what it says: a tenant file (one per pack, every directed
 * parameter on one line) that moves each value one step stricter loads and decides with those
 * values, and one that moves each one step looser is refused with a problem at each of its lines.
 */
class ShippedPackDirectionsTest {

    private static final ComplianceEngine CATALOG = ComplianceEngine.builder().build();
    /** After every shipped effective date (NYC's rules start on 2026-09-01), so every rule is in force. */
    private static final Instant OCTOBER_2026 = Instant.parse("2026-10-01T16:00:00Z");

    @TempDir
    static Path folder;

    /** Per pack: the stricter tenant's values as written, and the line of each looser value, by parameter. */
    private static final Map<String, Map<String, String>> TIGHTER = new TreeMap<>();
    private static final Map<String, Map<String, Integer>> LOOSER_LINES = new TreeMap<>();
    private static RuleSet tightened;
    private static List<RuleProblem> looserProblems;

    private static List<String> shippedPacks() {
        return CATALOG.rules().packIds();
    }

    @BeforeAll
    static void loadATighterAndALooserTenantForEveryPack() throws IOException {
        ComplianceEngine.Builder tight = ComplianceEngine.builder();
        ComplianceEngine.Builder loose = ComplianceEngine.builder();
        for (String pack : shippedPacks()) {
            Map<String, Object> values = CATALOG.rules().pack(pack).parameters();
            Map<String, String> tighter = new LinkedHashMap<>();
            Map<String, Integer> looserLines = new LinkedHashMap<>();
            StringBuilder tightText = new StringBuilder("# one step stricter than " + pack + "\n");
            StringBuilder looseText = new StringBuilder("# one step looser than " + pack + "\n");
            int line = 1;
            for (Map.Entry<String, String> direction : PackDirections.directions(pack).entrySet()) {
                String name = direction.getKey();
                Object base = values.get(name);
                String stricter = PackDirections.step(pack, name, base, direction.getValue(), 1, folder, "tight-" + pack);
                String looser = PackDirections.step(pack, name, base, direction.getValue(), -1, folder, "loose-" + pack);
                line++;
                tightText.append(pack).append('.').append(name).append(" = ").append(stricter).append('\n');
                looseText.append(pack).append('.').append(name).append(" = ").append(looser).append('\n');
                tighter.put(name, stricter);
                looserLines.put(name, line);
            }
            TIGHTER.put(pack, tighter);
            LOOSER_LINES.put(pack, looserLines);
            tight.tenant("tight-" + pack, write("tight-" + pack + ".properties", tightText));
            loose.tenant("loose-" + pack, write("loose-" + pack + ".properties", looseText));
        }
        tightened = tight.build().rules();
        looserProblems = assertThrows(RuleLoadException.class, loose::build).problems();
    }

    private static Path write(String name, CharSequence text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void everyParameterOfEveryShippedPackHasADirectionOrIsDocumentedAsNotTunable() {
        for (String pack : shippedPacks()) {
            Set<String> undirected = new TreeSet<>(CATALOG.rules().pack(pack).parameters().keySet());
            undirected.removeAll(PackDirections.directions(pack).keySet());
            Set<String> documented = new TreeSet<>(PackDirections.IDENTITY.getOrDefault(pack, Set.of()));
            documented.addAll(PackDirections.NEITHER_WAY.getOrDefault(pack, Set.of()));
            assertEquals(documented, undirected, pack + ": parameters without a stricter. line");
        }
    }

    @Test
    void eachParameterWithoutADirectionSaysWhyInItsPackProperties() {
        for (String pack : shippedPacks()) {
            Set<String> undirected = new TreeSet<>(PackDirections.IDENTITY.getOrDefault(pack, Set.of()));
            undirected.addAll(PackDirections.NEITHER_WAY.getOrDefault(pack, Set.of()));
            List<String> comments = PackDirections.packProperties(pack).lines()
                    .filter(line -> line.startsWith("# No direction for ")).toList();
            for (String name : undirected) {
                assertTrue(comments.stream().anyMatch(comment -> List.of(comment.split("[ ,:]+")).contains(name)),
                        pack + "." + name + " has no '# No direction for " + name + "' comment");
            }
        }
    }

    @Test
    void everyShippedPackLetsTenantsTightenSomething() {
        for (String pack : shippedPacks()) {
            assertFalse(PackDirections.directions(pack).isEmpty(), pack + " declares no direction");
        }
    }

    @TestFactory
    Stream<DynamicTest> aTenantOneStepStricterOnEveryDirectedParameterLoadsAndDecidesWithItsValues() {
        return shippedPacks().stream().map(pack -> DynamicTest.dynamicTest(pack, () -> {
            PackInfo info = tightened.variant("tight-" + pack, OCTOBER_2026).pack(pack);
            Map<String, String> expected = TIGHTER.get(pack);
            Map<String, String> loaded = new LinkedHashMap<>();
            expected.keySet().forEach(name -> loaded.put(name, written(info.parameters().get(name))));
            assertEquals(expected, loaded);
        }));
    }

    @TestFactory
    Stream<DynamicTest> aTenantOneStepLooserOnAnyDirectedParameterIsALoadErrorAtThatLine() {
        return shippedPacks().stream().map(pack -> DynamicTest.dynamicTest(pack, () -> {
            String file = folder.resolve("loose-" + pack + ".properties").toString();
            Map<String, Integer> reported = new TreeMap<>();
            for (RuleProblem problem : looserProblems) {
                if (problem.file().equals(file)) {
                    String name = problem.message().replaceFirst("^tenant '[^']+': ([A-Za-z]+) = .*$", "$1");
                    assertTrue(problem.message().contains(" loosens pack '" + pack + "', whose " + name + " is "),
                            problem::toString);
                    assertTrue(problem.toString().startsWith(file + ":" + problem.line() + ": "), problem::toString);
                    reported.put(name, problem.line());
                }
            }
            assertEquals(new TreeMap<>(LOOSER_LINES.get(pack)), reported);
        }));
    }

    @Test
    void theLooserTenantsAreRefusedForLooseningAndNothingElse() {
        List<RuleProblem> other = new ArrayList<>();
        for (RuleProblem problem : looserProblems) {
            if (!problem.message().contains(" loosens pack '")) {
                other.add(problem);
            }
        }
        assertEquals(List.of(), other);
    }

    /** A loaded value as a tenant file would write it (a term list as the file it was read from). */
    private static String written(Object value) {
        if (value instanceof TermList list) {
            return list.source();
        }
        if (value instanceof java.time.LocalTime time) {
            return PackDirections.time(time);
        }
        if (value instanceof java.time.Duration duration) {
            return duration.toMinutes() + "m";
        }
        return String.valueOf(value);
    }

    /**
     * Why some tunable parameters have no direction: a deployment may still change them (a parameter
     * file, reviewed like the pack), and these show a change either way letting through what the pack
     * denies.
     */
    @Nested
    class NeitherWayIsAlwaysStricter {

        private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
        private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
        private static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);

        private static Instant at(ZoneId zone, String local) {
            return LocalDateTime.parse(local).atZone(zone).toInstant();
        }

        /** The debtor texted at 20:30; the collector texts its reply at 21:10. */
        private DecisionRequest replyAtTenPastNineToATextAtHalfPastEight() {
            ContactAttempt debtorText = ContactAttempt.builder().channel(Channel.SMS)
                    .at(at(NEW_YORK, "2026-10-06T20:30")).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                    .accountIds("A1").initiatedBy(Initiator.DEBTOR).outcome(Outcome.DELIVERED).build();
            ProposedAction reply = ProposedAction.builder().channel(Channel.SMS).at(at(NEW_YORK, "2026-10-06T21:10"))
                    .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1").purpose(Purpose.RESPONSE).build();
            return DecisionRequest.builder().id("reply").packs("us-regf")
                    .collector(Collector.of(CollectorKind.THIRD_PARTY_COLLECTOR)).action(reply)
                    .debtor(Debtor.of("D1", "America/New_York")).account(Account.of("A1", Product.CREDIT_CARD, "US", 60))
                    .history(List.of(debtorText)).build();
        }

        @Test
        void regulationFHoursEndingEarlierWouldLetThroughAReplyThePackDenies() {
            DecisionRequest reply = replyAtTenPastNineToATextAtHalfPastEight();
            assertEquals(List.of("US-REGF-HOURS-01"), CATALOG.decide(reply).ruleIds());
            ComplianceEngine endingAtEight = ComplianceEngine.builder().parameter("us-regf", "hoursEnd", "20:00").build();
            assertEquals(Verdict.ALLOW, endingAtEight.decide(reply).verdict(),
                    "20:30 is outside hours ending at 20:00, so 21:10 answers the debtor at that time");
        }

        /**
         * A California creditor's call on 2026-10-14 after seven unanswered calls on 2026-10-08..14 (the
         * last that morning), the debtor having asked for a callback on 2026-10-01.
         */
        private DecisionRequest creditorCallAfterSevenCallsOnSevenDates(boolean callbackConsent) {
            List<ContactAttempt> calls = new ArrayList<>();
            for (int day = 8; day <= 14; day++) {
                calls.add(ContactAttempt.call(at(LOS_ANGELES, String.format(java.util.Locale.ROOT,
                        "2026-10-%02dT09:00", day)), "A1", MOBILE, Outcome.NO_ANSWER));
            }
            Debtor.Builder debtor = Debtor.builder("D1").zone("America/Los_Angeles");
            if (callbackConsent) {
                debtor.consent(Consent.callback(at(LOS_ANGELES, "2026-10-01T12:00"), null));
            }
            ProposedAction call = ProposedAction.builder().channel(Channel.CALL).at(at(LOS_ANGELES, "2026-10-14T15:00"))
                    .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1").build();
            return DecisionRequest.builder().id("ca").collector(Collector.of(CollectorKind.CREDITOR)).action(call)
                    .debtor(debtor.build()).account(Account.of("A1", Product.CREDIT_CARD, "US-CA", 60)).history(calls)
                    .build();
        }

        @Test
        void californiaCallWindowOneDateLongerWouldLetThroughACallThePackDenies() {
            DecisionRequest call = creditorCallAfterSevenCallsOnSevenDates(true);
            assertEquals(List.of("US-CA-FREQ-01"), CATALOG.decide(call).ruleIds());
            ComplianceEngine eightDates = ComplianceEngine.builder().parameter("us-ca", "callWindowDays", "8").build();
            assertEquals(Verdict.ALLOW, eightDates.decide(call).verdict(),
                    "the 2026-10-08 call is on the callback consent's 8th date, left out with 8 dates");
        }

        @Test
        void californiaCallWindowOneDateShorterWouldLetThroughACallThePackDenies() {
            DecisionRequest call = creditorCallAfterSevenCallsOnSevenDates(false);
            assertEquals(List.of("US-CA-FREQ-01"), CATALOG.decide(call).ruleIds());
            ComplianceEngine sixDates = ComplianceEngine.builder().parameter("us-ca", "callWindowDays", "6").build();
            assertEquals(Verdict.ALLOW, sixDates.decide(call).verdict(), "the 2026-10-08 call is outside six dates");
        }
    }
}
