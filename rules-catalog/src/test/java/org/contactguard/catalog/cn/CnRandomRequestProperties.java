package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.CONTACT_PERSON_MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.SECOND_MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.contactguard.core.decision.Decision;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.VisitDetails;

/**
 * Random China requests through every cn rule (far more than the ~20 evaluations after which MVEL
 * compiles a constraint): the engine never fails, and a denied action re-proposed at its
 * {@code nextPermittedAt} is allowed.
 */
public class CnRandomRequestProperties {

    static final Instant START = bj("2026-03-10T00:00");
    static final List<String> CONTENT = List.of("您的账单已逾期,请尽快还款", "請轉告他回電", "再不还就 坐 牢", "ｗｅ ｋｎｏｗ ｗｈｅｒｅ ｙｏｕ ｌｉｖｅ",
            "需另付上門費", "hello");

    record Shape(Channel channel, int recipient, int minute, int content, boolean flag, int staff, Purpose purpose) {
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Combinators.combine(Arbitraries.of(Channel.CALL, Channel.SMS, Channel.IM, Channel.VISIT, Channel.LETTER),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3 * 24 * 60 - 1),
                Arbitraries.integers().between(-1, CONTENT.size() - 1), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(Purpose.COLLECTION, Purpose.LOCATION_INFO, Purpose.REMINDER)).as(Shape::new);
    }

    @Provide
    Arbitrary<List<Integer>> pastCalls() {
        return Arbitraries.integers().between(0, 3 * 24 * 60 - 1).list().ofMaxSize(12);
    }

    /**
     * A request of this class's shapes drawn from {@code random} (the same seed, the same request), for
     * properties over the whole catalog. Its calls are sometimes crowded into the hours before the action
     * (so the daily caps are reached); a visit is sometimes not recorded, and sometimes comes after a
     * notice given up to nine days before (both sides of the notice's lead time and maximum age) or after
     * a visit that met the debtor up to ten days before (both sides of the visit window).
     */
    public static DecisionRequest request(Random random) {
        Channel[] channels = {Channel.CALL, Channel.SMS, Channel.IM, Channel.VISIT, Channel.LETTER};
        Purpose[] purposes = {Purpose.COLLECTION, Purpose.LOCATION_INFO, Purpose.REMINDER};
        Shape shape = new Shape(channels[random.nextInt(channels.length)], random.nextInt(3),
                random.nextInt(3 * 24 * 60), random.nextInt(CONTENT.size() + 1) - 1, random.nextBoolean(),
                1 + random.nextInt(3), purposes[random.nextInt(purposes.length)]);
        boolean crowded = random.nextBoolean();
        List<Integer> past = new ArrayList<>();
        for (int i = random.nextInt(crowded ? 25 : 13); i > 0; i--) {
            // The action is a day after START plus its minute; crowded calls fall in the ten hours before it.
            past.add(crowded ? shape.minute() + 24 * 60 - 1 - random.nextInt(10 * 60) : random.nextInt(3 * 24 * 60));
        }
        DecisionRequest request = request(shape, past, random.nextInt(), random.nextInt(4));
        if (shape.channel() != Channel.VISIT) {
            return request;
        }
        ProposedAction a = request.action();
        VisitDetails v = a.visit();
        if (random.nextInt(4) == 0) {
            request = request.withAction(new ProposedAction(a.channel(), a.at(), a.recipient(), a.thirdPartyId(),
                    a.contactPoint(), a.place(), a.accountIds(), a.purpose(), a.initiatedBy(), a.automated(),
                    a.prerecorded(), a.viaPersonalDevice(), a.visibility(), a.content(), a.leavesMessage(),
                    a.identifiesCaller(), a.disclosesDebt(),
                    new VisitDetails(v.staffCount(), v.credentialsShown(), false, v.entersPremises(), v.invitedIn(), false)));
        }
        List<ContactAttempt> history = new ArrayList<>(request.history());
        if (random.nextBoolean()) {
            history.add(CnFixtures.visitNotice(a.at().minusSeconds(60L + random.nextInt(9 * 24 * 3600))));
        }
        if (random.nextBoolean()) {
            // A visit that met the debtor up to ten days before: inside and past the seven-day visit window.
            history.add(CnFixtures.pastVisitMet(a.at().minusSeconds(3600L + random.nextInt(10 * 24 * 3600))));
        }
        return request.withHistory(history);
    }

    static DecisionRequest request(Shape shape, List<Integer> past, int outcomeSeed, int restriction) {
        Instant at = START.plusSeconds(shape.minute() * 60L + 86_400L);
        Recipient recipient = switch (shape.recipient()) {
            case 0 -> Recipient.DEBTOR;
            case 1 -> Recipient.EMERGENCY_CONTACT;
            default -> Recipient.OTHER_THIRD_PARTY;
        };
        String party = switch (shape.recipient()) {
            case 0 -> null;
            case 1 -> "T1";
            default -> "T2";
        };
        ContactPoint point = switch (shape.channel()) {
            case CALL, SMS, IM -> recipient == Recipient.DEBTOR ? (shape.flag() ? MOBILE : SECOND_MOBILE) : CONTACT_PERSON_MOBILE;
            default -> null;
        };
        boolean visit = shape.channel() == Channel.VISIT;
        ProposedAction action = ProposedAction.builder().channel(shape.channel()).at(at).recipient(recipient)
                .thirdPartyId(party).contactPoint(point).accountIds("A1").purpose(shape.purpose())
                .content(shape.content() < 0 ? null : CONTENT.get(shape.content()))
                .place(visit ? (shape.flag() ? Place.HOME : Place.WORK) : null)
                .visit(visit ? new VisitDetails(shape.staff(), shape.flag(), true, !shape.flag(), false, false) : null)
                .build();
        List<ContactAttempt> history = new ArrayList<>();
        List<Outcome> outcomes = List.of(Outcome.NO_ANSWER, Outcome.CONNECTED, Outcome.BUSY, Outcome.NOT_IN_SERVICE);
        int i = outcomeSeed;
        for (int minute : past) {
            Instant when = START.plusSeconds(minute * 60L);
            if (when.isBefore(at)) {
                history.add(ContactAttempt.call(when, "A1", (i & 1) == 0 ? MOBILE : SECOND_MOBILE,
                        outcomes.get(Math.floorMod(i, outcomes.size()))));
            }
            i = i * 31 + 7;
        }
        Debtor.Builder debtor = Debtor.builder("D1").zone("Asia/Shanghai");
        switch (restriction) {
            case 1 -> debtor.restriction(Restriction.of(RestrictionKind.REPAYMENT_PLAN_ACTIVE, null, at.plusSeconds(7200)));
            case 2 -> debtor.restriction(Restriction.of(RestrictionKind.COMPLAINT_OPEN, null, at.plusSeconds(86_400)));
            default -> {
            }
        }
        Collector collector = shape.flag() ? Collector.defaultCollector() : Collector.of(CollectorKind.OUTSOURCED_AGENCY);
        return new DecisionRequest("p", List.of(), collector, action, debtor.build(), List.of(CnFixtures.LOAN),
                List.of(CnFixtures.EMERGENCY_CONTACT, CnFixtures.GUARANTOR), history);
    }

    @Property(tries = 400)
    void engineNeverFailsAndTheNextPermittedMomentIsAllowed(@ForAll("shapes") Shape shape,
            @ForAll("pastCalls") List<Integer> past, @ForAll int outcomeSeed,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int restriction) {
        DecisionRequest request = request(shape, past, outcomeSeed, restriction);
        Decision decision = ENGINE.decide(request);
        assertFalse(decision.ruleIds().contains(Reason.ENGINE_ERROR), decision::toString);
        assertFalse(decision.ruleIds().contains(Reason.INPUT_INVALID), decision::toString);
        decision.ruleIds().forEach(id -> Statistics.label("rule").collect(id));
        Instant next = decision.nextPermittedAt();
        if (decision.isAllowed() || next == null) {
            return;
        }
        assertTrue(next.isAfter(request.action().at()));
        DecisionRequest later = new DecisionRequest(request.id(), request.packs(), request.collector(),
                request.action().withAt(next), request.debtor(), request.accounts(), request.thirdParties(),
                request.history());
        assertEquals(List.of(), ENGINE.decide(later).ruleIds(), () -> decision + "\nre-decided at " + next);
    }
}
