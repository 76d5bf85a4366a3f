package org.contactguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.rules.ContactHistory;
import org.contactguard.core.rules.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions that keep the unchanging facts of a request between its evaluations (and the parameters
 * for their whole life) find exactly what a fresh session finds, whatever was evaluated before.
 */
class KeptFactsTest {

    private static final String KEPT = "kept";
    private static final Instant NOON_IN_NEW_YORK = Instant.parse("2026-01-14T17:00:00Z");
    private static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    private static final Account A1 = Account.of("A1", Product.CREDIT_CARD, "US", 45);
    private static final Account A2 = Account.of("A2", Product.CREDIT_CARD, "US", 90);

    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = ComplianceEngine.builder().packs(KEPT, TestPacks.PROBE, TestPacks.HOUSE).build().rules();
    }

    @Test
    void onlyPacksWhoseEveryRuleMatchesAMovingFactKeepFacts() {
        assertTrue(rules.keepsFacts(KEPT));
        // Both have a rule on the debtor alone: it would not fire again if the debtor stayed inserted.
        assertFalse(rules.keepsFacts(TestPacks.PROBE));
        assertFalse(rules.keepsFacts(TestPacks.HOUSE));
    }

    @Test
    void oneEvaluatorFindsWhatFreshSessionsFind() {
        List<DecisionRequest> requests = requests();
        List<Instant> moments = new ArrayList<>();
        for (int hours = 0; hours <= 24 * 8; hours += 7) {
            moments.add(NOON_IN_NEW_YORK.plus(Duration.ofHours(hours)));
        }
        Instant until = NOON_IN_NEW_YORK.plus(Duration.ofDays(15));
        int compared = 0;
        // Twice through, and each request's moments after another request's: sessions switch requests.
        try (RuleSet.Evaluator evaluator = rules.evaluator()) {
            for (int round = 0; round < 2; round++) {
                for (DecisionRequest request : requests) {
                    ContactHistory history = ContactHistory.of(request.action().at(), request.history());
                    for (Instant at : moments) {
                        for (List<String> packs : List.of(List.of(KEPT), List.of(KEPT, TestPacks.PROBE, TestPacks.HOUSE))) {
                            List<String> fresh = sorted(rules.evaluate(request, packs, at, until));
                            List<String> kept = sorted(evaluator.evaluate(request, history.at(at), packs, at, until));
                            assertEquals(fresh, kept, () -> request + " at " + at + " by " + packs);
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100);
    }

    private static List<String> sorted(List<Finding> findings) {
        return findings.stream().map(Finding::toString).sorted().toList();
    }

    private static List<DecisionRequest> requests() {
        List<DecisionRequest> requests = new ArrayList<>();
        Debtor adult = Debtor.of("D1", "America/New_York");
        Debtor minor = Debtor.builder("D2").zone("America/New_York").minor(true).build();
        for (Debtor debtor : List.of(adult, minor)) {
            for (boolean automated : List.of(false, true)) {
                for (int calls = 0; calls <= 3; calls++) {
                    List<ContactAttempt> history = new ArrayList<>();
                    for (int i = 1; i <= calls; i++) {
                        history.add(ContactAttempt.call(NOON_IN_NEW_YORK.minus(Duration.ofDays(i)), i % 2 == 0 ? "A2" : "A1",
                                MOBILE, Outcome.NO_ANSWER));
                    }
                    ProposedAction action = ProposedAction.builder().channel(Channel.CALL).at(NOON_IN_NEW_YORK)
                            .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1", "A2").automated(automated)
                            .build();
                    // The same account objects in either order, or one of them: sessions that hold the
                    // previous request's facts update them in place only when no object would be held twice.
                    DecisionRequest.Builder request = DecisionRequest.builder().id("R-" + requests.size()).action(action)
                            .debtor(debtor).history(history);
                    if (calls == 1) {
                        request.account(A1);
                        action = ProposedAction.builder().channel(Channel.CALL).at(NOON_IN_NEW_YORK)
                                .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1").automated(automated)
                                .build();
                        request.action(action);
                    } else if (calls == 2) {
                        request.account(A2).account(A1);
                    } else {
                        request.account(A1).account(A2);
                    }
                    requests.add(request.build());
                }
            }
        }
        return requests;
    }
}
