package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.BEIJING;
import static org.contactguard.catalog.cn.CnFixtures.CONVERSATION_CAP;
import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.SECOND_MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.UNANSWERED_CAP;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.contactguard.catalog.cn.CnFixtures.request;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;

/**
 * Whatever a dialler tries, the calls the engine allows never exceed either daily cap: at most
 * {@code UNANSWERED_CAP} unanswered attempts per number and {@code CONVERSATION_CAP} conversations per
 * debtor on any Beijing day. Each try feeds allowed calls back into the history with a random outcome.
 */
class CnDailyCapProperties {

    static final Instant START = bj("2026-03-10T00:00");
    static final List<Outcome> OUTCOMES = List.of(Outcome.CONNECTED, Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.BUSY,
            Outcome.NOT_IN_SERVICE, Outcome.FAILED, Outcome.REFUSED);

    /** One attempt the dialler wants to make: minutes after START, which number, automated, how it would end. */
    record Dial(int minute, boolean secondNumber, boolean automated, Outcome outcome) {
    }

    @Provide
    Arbitrary<List<Dial>> dials() {
        // Mostly daytime on two days, so the caps (not the quiet window) are what stops the dialler.
        Arbitrary<Integer> minute = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Combinators.combine(Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(8 * 60, 22 * 60 - 1)).as((day, m) -> day * 24 * 60 + m)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 2 * 24 * 60 - 1)));
        Arbitrary<Dial> dial = Combinators.combine(minute,
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(OUTCOMES)).as(Dial::new);
        return dial.list().ofMinSize(1).ofMaxSize(60)
                .map(list -> list.stream().sorted((a, b) -> Integer.compare(a.minute(), b.minute())).toList());
    }

    @Property(tries = 100)
    void allowedCallsNeverExceedEitherDailyCap(@ForAll("dials") List<Dial> dials) {
        List<ContactAttempt> history = new ArrayList<>();
        Instant last = null;
        for (Dial dial : dials) {
            Instant at = START.plusSeconds(dial.minute() * 60L);
            if (last != null && !at.isAfter(last)) {
                continue;
            }
            ContactPoint point = dial.secondNumber() ? SECOND_MOBILE : MOBILE;
            ProposedAction call = ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR)
                    .contactPoint(point).accountIds("A1").automated(dial.automated()).build();
            Decision decision = ENGINE.decide(request(call, history));
            Statistics.collect(decision.ruleIds().contains("CN-FREQ-01") ? "unanswered cap hit"
                    : decision.ruleIds().contains("CN-FREQ-02") ? "conversation cap hit" : "other");
            if (decision.isAllowed()) {
                history.add(ContactAttempt.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR)
                        .contactPoint(point).accountIds("A1").automated(dial.automated()).outcome(dial.outcome()).build());
                last = at;
            }
        }
        Map<String, Integer> unanswered = new HashMap<>();
        Map<LocalDate, Integer> conversations = new HashMap<>();
        for (ContactAttempt attempt : history) {
            LocalDate day = attempt.at().atZone(BEIJING).toLocalDate();
            switch (attempt.outcome()) {
                case NO_ANSWER, VOICEMAIL, BUSY, NOT_IN_SERVICE, FAILED ->
                        unanswered.merge(day + "/" + attempt.contactPoint().id(), 1, Integer::sum);
                case CONNECTED -> conversations.merge(day, 1, Integer::sum);
                default -> {
                }
            }
        }
        unanswered.forEach((key, n) -> assertTrue(n <= UNANSWERED_CAP, key + ": " + n + " unanswered"));
        conversations.forEach((day, n) -> assertTrue(n <= CONVERSATION_CAP, day + ": " + n + " conversations"));
    }
}
