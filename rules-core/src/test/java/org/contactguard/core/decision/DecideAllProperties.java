package org.contactguard.core.decision;

import static org.contactguard.core.decision.Requests.A1;
import static org.contactguard.core.decision.Requests.A2;
import static org.contactguard.core.decision.Requests.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.contactguard.core.engine.TestPacks;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Test;

/**
 * {@link ComplianceEngine#decideAll} gives exactly the decisions of {@link ComplianceEngine#decide}
 * one by one, in order, whatever sits next to a request in the batch: invalid requests, nulls,
 * unknown packs, rules that throw, loop or forge findings (the faulty pack), and every finding of
 * the probe and house packs, with next-permitted searches.
 */
class DecideAllProperties {

    private static final ComplianceEngine ENGINE = ComplianceEngine.builder()
            .packs(TestPacks.HOUSE, TestPacks.PROBE, TestPacks.FAULTY).build();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] DEBTOR_IDS = {"D1", "D1", "D1", "D1", "D1", "D1", "boom", "npe", "loop", "forged"};
    private static final List<List<String>> PACKS = List.of(List.of(), List.of(), List.of(), List.of(TestPacks.PROBE),
            List.of(TestPacks.HOUSE), List.of(TestPacks.PROBE, TestPacks.HOUSE), List.of(TestPacks.PROBE, "no-such-pack"));
    private static final List<String> ZONES = List.of("America/New_York", "Asia/Shanghai", "Pacific/Honolulu",
            "Australia/Lord_Howe");

    @Property(tries = 60)
    void aBatchDecidesEachRequestAsDecideDoes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int size) {
        List<DecisionRequest> batch = batch(new Random(seed), size);
        List<Decision> one = new ArrayList<>();
        for (DecisionRequest request : batch) {
            one.add(ENGINE.decide(request));
        }
        assertEquals(one, ENGINE.decideAll(batch));
    }

    @Test
    void theSampleReachesEveryKindOfOutcome() {
        Set<String> seen = new TreeSet<>();
        for (Decision decision : ENGINE.decideAll(batch(new Random(1), 600))) {
            seen.addAll(decision.ruleIds());
            if (decision.isAllowed()) {
                seen.add("ALLOW");
            }
            if (decision.nextPermittedAt() != null) {
                seen.add("next");
            }
        }
        assertTrue(seen.containsAll(List.of("ALLOW", "next", "ENGINE-ERROR", "INPUT-INVALID", "PROBE-CAP-01",
                "PROBE-HOURS-01", "PROBE-MINOR-01", "SAFEGUARD-MINOR-01")), seen.toString());
    }

    @Test
    void aNullListGivesNoDecisionsAndANullRequestIsInvalid() {
        assertEquals(List.of(), ENGINE.decideAll(null));
        List<DecisionRequest> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals(List.of(ENGINE.decide(null)), ENGINE.decideAll(withNull));
        assertEquals(List.of("INPUT-INVALID"), ENGINE.decideAll(withNull).get(0).ruleIds());
    }

    private static List<DecisionRequest> batch(Random random, int size) {
        List<DecisionRequest> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(random.nextInt(25) == 0 ? null : request("R" + i, random));
        }
        return batch;
    }

    private static DecisionRequest request(String id, Random random) {
        Instant at = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 200)));
        Debtor.Builder debtor = Debtor.builder(DEBTOR_IDS[random.nextInt(DEBTOR_IDS.length)]).minor(random.nextInt(8) == 0);
        int zones = random.nextInt(15) == 0 ? 0 : 1 + random.nextInt(2);
        int firstZone = random.nextInt(ZONES.size());
        for (int z = 0; z < zones; z++) {
            debtor.zone(ZONES.get((firstZone + z) % ZONES.size()));
        }
        List<String> accounts = random.nextInt(30) == 0 ? List.of("A1", "A7")
                : random.nextBoolean() ? List.of("A1") : List.of("A2", "A1");
        ProposedAction action = ProposedAction.builder().channel(random.nextInt(4) == 0 ? Channel.LETTER : Channel.CALL)
                .at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds(accounts)
                .automated(random.nextInt(6) == 0).build();
        List<ContactAttempt> history = new ArrayList<>();
        int calls = random.nextInt(5);
        for (int c = 0; c < calls; c++) {
            history.add(ContactAttempt.call(at.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 9))),
                    random.nextBoolean() ? "A1" : "A2", MOBILE, random.nextInt(5) == 0 ? Outcome.BUSY : Outcome.NO_ANSWER));
        }
        if (random.nextInt(40) == 0) {
            history.add(ContactAttempt.call(at.plusSeconds(60), "A1", MOBILE, Outcome.NO_ANSWER)); // not in the past
        }
        return DecisionRequest.builder().id(id).packs(PACKS.get(random.nextInt(PACKS.size())).toArray(String[]::new))
                .action(action).debtor(debtor.build()).account(A1).account(A2).history(history).build();
    }
}
