package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.CONTACT_PERSON_MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.SECOND_MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.contactguard.catalog.cn.CnFixtures.calls;
import static org.contactguard.catalog.cn.CnFixtures.concat;
import static org.contactguard.catalog.cn.CnFixtures.pastCall;
import static org.contactguard.catalog.cn.CnFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.ContactPointSource;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.ThirdParty;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CnThirdPartiesTest {

    /** Three failed calls to the debtor on the 10th; the third at 11:20 Beijing time. */
    static final List<ContactAttempt> THREE_FAILED_ON_THE_10TH = calls(bj("2026-03-10T11:00"), 3, MOBILE, Outcome.NO_ANSWER);
    static final Instant SAME_DAY_AFTERNOON = bj("2026-03-10T15:00");
    static final Instant NEXT_DAY_0800 = bj("2026-03-11T08:00");
    static final Instant NEXT_DAY_MORNING = bj("2026-03-11T09:00");

    static ProposedAction.Builder callEmergencyContact(Instant at) {
        return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.EMERGENCY_CONTACT)
                .thirdPartyId("T1").contactPoint(CONTACT_PERSON_MOBILE).accountIds("A1").purpose(Purpose.LOCATION_INFO);
    }

    static DecisionRequest withParty(ProposedAction action, ThirdParty party, List<ContactAttempt> history) {
        return new DecisionRequest("t", List.of(), Collector.defaultCollector(), action, CnFixtures.debtor(),
                List.of(CnFixtures.LOAN), List.of(party), history);
    }

    @Nested
    class DebtorLost {

        @Test
        void noFailedCallsMeansTheDebtorIsNotLost() {
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build()))
                    .isDeniedBy("CN-TP-01").hasNoNextPermittedAt();
        }

        @Test
        void onTheDayOfTheThirdFailedCallTheThirdPartyWaitsUntilNextMorning() {
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(), THREE_FAILED_ON_THE_10TH))
                    .isDeniedBy("CN-TP-01").hasNextPermittedAt(NEXT_DAY_0800);
        }

        @Test
        void theDayAfterTheThirdFailedCallTheThirdPartyMayBeAsked() {
            assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).build(), THREE_FAILED_ON_THE_10TH))
                    .isAllowed();
        }

        @Test
        void twoFailedCallsAreNotEnoughEvenDaysLater() {
            List<ContactAttempt> two = calls(bj("2026-03-10T11:00"), 2, MOBILE, Outcome.BUSY);
            assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).build(), two)).isDeniedBy("CN-TP-01");
        }

        @Test
        void aConversationAfterTheFailuresEndsTheLostStatus() {
            List<ContactAttempt> history = new ArrayList<>(THREE_FAILED_ON_THE_10TH);
            history.add(ContactAttempt.builder().channel(Channel.CALL).at(bj("2026-03-10T18:00")).recipient(Recipient.DEBTOR)
                    .contactPoint(MOBILE).accountIds("A1").initiatedBy(Initiator.DEBTOR).purpose(Purpose.RESPONSE)
                    .outcome(Outcome.CONNECTED).build());
            assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).build(), history))
                    .isDeniedBy("CN-TP-01");
        }

        @Test
        void everyNumberOutOfServiceMakesTheDebtorLostAtOnce() {
            List<ContactAttempt> dead = List.of(pastCall(bj("2026-03-10T10:00"), MOBILE, Outcome.NOT_IN_SERVICE),
                    pastCall(bj("2026-03-10T10:30"), SECOND_MOBILE, Outcome.NOT_IN_SERVICE));
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(), dead)).isAllowed();
        }

        @Test
        void oneNumberStillWorkingIsNotLost() {
            List<ContactAttempt> oneDead = List.of(pastCall(bj("2026-03-10T10:00"), MOBILE, Outcome.NOT_IN_SERVICE),
                    pastCall(bj("2026-03-10T10:30"), SECOND_MOBILE, Outcome.NO_ANSWER));
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(), oneDead))
                    .isDeniedBy("CN-TP-01");
        }

        @Test
        void failedAttemptsOnEachOfTheLastThreeDaysMakeTheDebtorLost() {
            // Each day's failures are below the three-call trigger only if counted per day; here one call a
            // day. The three-call trigger also holds (its third call was yesterday): both triggers agree.
            List<ContactAttempt> daily = List.of(pastCall(bj("2026-03-08T10:00"), MOBILE, Outcome.NO_ANSWER),
                    pastCall(bj("2026-03-09T10:00"), MOBILE, Outcome.NO_ANSWER),
                    pastCall(bj("2026-03-10T10:00"), MOBILE, Outcome.NO_ANSWER));
            assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).build(), daily)).isAllowed();
        }

        @Test
        void unreachableDaysAloneOpenThirdPartiesWhenTheCallTriggerIsRaised() {
            org.contactguard.core.decision.ComplianceEngine daysOnly = org.contactguard.core.decision.ComplianceEngine
                    .builder().pack("cn").parameter("cn", "failedCallsBeforeLost", "10").build();
            List<ContactAttempt> daily = List.of(pastCall(bj("2026-03-08T10:00"), MOBILE, Outcome.NO_ANSWER),
                    pastCall(bj("2026-03-09T10:00"), MOBILE, Outcome.NO_ANSWER),
                    pastCall(bj("2026-03-10T10:00"), MOBILE, Outcome.NO_ANSWER));
            assertThatDecision(daysOnly, request(callEmergencyContact(NEXT_DAY_MORNING).build(), daily)).isAllowed();
            List<ContactAttempt> gap = List.of(pastCall(bj("2026-03-07T10:00"), MOBILE, Outcome.NO_ANSWER),
                    pastCall(bj("2026-03-09T10:00"), MOBILE, Outcome.NO_ANSWER),
                    pastCall(bj("2026-03-10T10:00"), MOBILE, Outcome.NO_ANSWER));
            assertThatDecision(daysOnly, request(callEmergencyContact(NEXT_DAY_MORNING).build(), gap))
                    .isDeniedBy("CN-TP-01");
        }
    }

    @Nested
    class PurposeDisclosureRefusal {

        @Test
        void askingALostDebtorsContactToPayIsDenied() {
            assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).purpose(Purpose.COLLECTION).build(),
                    THREE_FAILED_ON_THE_10TH)).isDeniedBy("CN-TP-02");
        }

        @Test
        void disclosingTheDebtIsDenied() {
            assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).disclosesDebt(true).build(),
                    THREE_FAILED_ON_THE_10TH)).isDeniedBy("CN-TP-03");
        }

        @Test
        void contentThatRevealsTheDebtIsDeniedEvenObfuscated() {
            for (String script : List.of("请转告他尽快处理欠款", "他的 逾-期 账单", "請轉告他還款", "ｈｅ ｏｗｅｓ ｍｏｎｅｙ")) {
                assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).content(script).build(),
                        THREE_FAILED_ON_THE_10TH)).isDeniedBy("CN-TP-03");
            }
        }

        @Test
        void aNeutralMessageToPassOnIsAllowed() {
            assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).content("请转告张先生回电,谢谢")
                    .build(), THREE_FAILED_ON_THE_10TH)).isAllowed();
        }

        @Test
        void aThirdPartyWhoRefusedIsNotContactedAgain() {
            ThirdParty refused = new ThirdParty("T1", Recipient.EMERGENCY_CONTACT, false, bj("2026-03-10T16:00"), false);
            assertThatDecision(ENGINE, withParty(callEmergencyContact(NEXT_DAY_MORNING).build(), refused,
                    THREE_FAILED_ON_THE_10TH)).isDeniedBy("CN-TP-04");
        }

        @Test
        void aRefusalRecordedInHistoryCountsToo() {
            ContactAttempt refusal = ContactAttempt.builder().channel(Channel.CALL).at(bj("2026-03-10T16:00"))
                    .recipient(Recipient.EMERGENCY_CONTACT).thirdPartyId("T1").contactPoint(CONTACT_PERSON_MOBILE)
                    .accountIds("A1").purpose(Purpose.LOCATION_INFO).outcome(Outcome.REFUSED).build();
            assertThatDecision(ENGINE, request(callEmergencyContact(NEXT_DAY_MORNING).build(),
                    concat(THREE_FAILED_ON_THE_10TH, List.of(refusal)))).isDeniedBy("CN-TP-04");
        }
    }

    @Nested
    class DebtRelated {

        @Test
        void aGuarantorMayBeAskedToPayWithoutTheDebtorBeingLost() {
            ProposedAction callGuarantor = ProposedAction.builder().channel(Channel.CALL).at(SAME_DAY_AFTERNOON)
                    .recipient(Recipient.OTHER_THIRD_PARTY).thirdPartyId("T2").contactPoint(CONTACT_PERSON_MOBILE)
                    .accountIds("A1").disclosesDebt(true).content("您担保的贷款已逾期,请协助还款").build();
            assertThatDecision(ENGINE, request(callGuarantor)).isAllowed();
        }

        @Test
        void theExecutorOfADeceasedDebtorMayBeContactedAboutTheEstate() {
            Debtor deceased = Debtor.builder("D1").zone("Asia/Shanghai").restriction(Restriction.of(RestrictionKind.DECEASED))
                    .build();
            ProposedAction callExecutor = ProposedAction.builder().channel(Channel.CALL).at(SAME_DAY_AFTERNOON)
                    .recipient(Recipient.EXECUTOR).thirdPartyId("T3").contactPoint(CONTACT_PERSON_MOBILE).accountIds("A1")
                    .disclosesDebt(true).build();
            assertThatDecision(ENGINE, request(callExecutor, deceased, List.of())).isAllowed();
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(), deceased, List.of()))
                    .isDeniedBy("CN-RESTR-01");
        }
    }

    @Nested
    class Executor {

        static ProposedAction.Builder callExecutor(Instant at) {
            return ProposedAction.builder().channel(Channel.CALL).at(at).recipient(Recipient.EXECUTOR).thirdPartyId("T3")
                    .contactPoint(CONTACT_PERSON_MOBILE).accountIds("A1");
        }

        @Test
        void anExecutorOfALivingDebtorIsAnOrdinaryThirdParty() {
            assertThatDecision(ENGINE, request(callExecutor(SAME_DAY_AFTERNOON).disclosesDebt(true).build()))
                    .isDeniedBy("CN-TP-01", "CN-TP-02", "CN-TP-03");
        }

        @Test
        void theExecutorOnceTheDebtorHasDiedMayBeAskedAboutTheDebt() {
            Debtor deceased = Debtor.builder("D1").zone("Asia/Shanghai")
                    .restriction(Restriction.of(RestrictionKind.DECEASED, bj("2026-03-10T14:59"), null)).build();
            assertThatDecision(ENGINE, request(callExecutor(SAME_DAY_AFTERNOON).disclosesDebt(true).build(), deceased,
                    List.of())).isAllowed();
        }

        @Test
        void theExecutorBeforeTheDeathIsRecordedIsAnOrdinaryThirdParty() {
            Debtor deceasedLater = Debtor.builder("D1").zone("Asia/Shanghai")
                    .restriction(Restriction.of(RestrictionKind.DECEASED, bj("2026-03-10T15:01"), null)).build();
            assertThatDecision(ENGINE, request(callExecutor(SAME_DAY_AFTERNOON).disclosesDebt(true).build(), deceasedLater,
                    List.of())).isDeniedBy("CN-TP-01", "CN-TP-02", "CN-TP-03");
        }
    }

    /** The debtor's consent to a named person (by that person's number) being contacted lifts CN-TP-01 only. */
    @Nested
    class DebtorConsent {

        static Debtor consenting(String contactPointId, Channel channel, Instant validUntil) {
            return Debtor.builder("D1").zone("Asia/Shanghai").consent(new Consent(ConsentKind.THIRD_PARTY_CONTACT,
                    bj("2026-03-01T10:00"), channel, contactPointId, validUntil, null, null, null, false)).build();
        }

        @Test
        void consentNamingThePersonsNumberLiftsTheLostCondition() {
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(),
                    consenting(CONTACT_PERSON_MOBILE.id(), null, null), List.of())).isAllowed();
        }

        @Test
        void consentNamingAnotherNumberDoesNot() {
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(),
                    consenting("C9", null, null), List.of())).isDeniedBy("CN-TP-01");
        }

        @Test
        void consentNamingNoNumberNamesNoOne() {
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(),
                    consenting(null, null, null), List.of())).isDeniedBy("CN-TP-01");
        }

        @Test
        void consentForAnotherChannelDoesNot() {
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(),
                    consenting(CONTACT_PERSON_MOBILE.id(), Channel.SMS, null), List.of())).isDeniedBy("CN-TP-01");
        }

        @Test
        void consentEndingAtTheMomentNoLongerHoldsButOneMinuteLaterItDid() {
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(),
                    consenting(CONTACT_PERSON_MOBILE.id(), null, SAME_DAY_AFTERNOON), List.of())).isDeniedBy("CN-TP-01");
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).build(),
                    consenting(CONTACT_PERSON_MOBILE.id(), null, SAME_DAY_AFTERNOON.plusSeconds(60)), List.of()))
                    .isAllowed();
        }

        @Test
        void consentDoesNotLetThePersonBeAskedToPayOrToldOfTheDebtOrOverrideTheirRefusal() {
            Debtor debtor = consenting(CONTACT_PERSON_MOBILE.id(), null, null);
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).purpose(Purpose.COLLECTION).build(),
                    debtor, List.of())).isDeniedBy("CN-TP-02");
            assertThatDecision(ENGINE, request(callEmergencyContact(SAME_DAY_AFTERNOON).disclosesDebt(true).build(),
                    debtor, List.of())).isDeniedBy("CN-TP-03");
            ThirdParty refused = new ThirdParty("T1", Recipient.EMERGENCY_CONTACT, false, bj("2026-03-10T09:00"), false);
            assertThatDecision(ENGINE, new DecisionRequest("t", List.of(), Collector.defaultCollector(),
                    callEmergencyContact(SAME_DAY_AFTERNOON).build(), debtor, List.of(CnFixtures.LOAN), List.of(refused),
                    List.of())).isDeniedBy("CN-TP-04");
        }

        @Test
        void consentDoesNotOpenTheNight() {
            assertThatDecision(ENGINE, request(callEmergencyContact(bj("2026-03-10T22:00")).build(),
                    consenting(CONTACT_PERSON_MOBILE.id(), null, null), List.of()))
                    .isDeniedBy("CN-HOURS-01").hasNextPermittedAt(NEXT_DAY_0800);
        }
    }

    /** A message to the debtor left where others see or hear it is a disclosure to them (CN-TP-05). */
    @Nested
    class SharedContactPoint {

        static final ContactPoint FAMILY_LANDLINE = new ContactPoint("H1", ContactPointKind.HOME_PHONE, false,
                ContactPointSource.DEBTOR_PROVIDED, true);
        static final ContactPoint OWN_LANDLINE = new ContactPoint("H2", ContactPointKind.HOME_PHONE, false,
                ContactPointSource.DEBTOR_PROVIDED, false);
        static final ContactPoint SHARED_INBOX = new ContactPoint("E1", ContactPointKind.EMAIL, false,
                ContactPointSource.DEBTOR_PROVIDED, true);
        static final String DEBT_MESSAGE = "您的账单已逾期,请尽快还款";

        static ProposedAction.Builder toDebtor(Channel channel, ContactPoint point) {
            return ProposedAction.builder().channel(channel).at(SAME_DAY_AFTERNOON).recipient(Recipient.DEBTOR)
                    .contactPoint(point).accountIds("A1");
        }

        @Test
        void anEmailAboutTheDebtToASharedInboxIsDenied() {
            assertThatDecision(ENGINE, request(toDebtor(Channel.EMAIL, SHARED_INBOX).content(DEBT_MESSAGE).build()))
                    .isDeniedBy("CN-TP-05").hasNoNextPermittedAt();
            assertThatDecision(ENGINE, request(toDebtor(Channel.EMAIL, SHARED_INBOX).disclosesDebt(true).build()))
                    .isDeniedBy("CN-TP-05");
        }

        @Test
        void aNeutralEmailToASharedInboxIsAllowed() {
            assertThatDecision(ENGINE, request(toDebtor(Channel.EMAIL, SHARED_INBOX).content("请方便时回电,谢谢").build()))
                    .isAllowed();
        }

        @Test
        void aVoicemailAboutTheDebtOnAFamilyLandlineIsDeniedButNotOnTheDebtorsOwn() {
            assertThatDecision(ENGINE, request(toDebtor(Channel.CALL, FAMILY_LANDLINE).leavesMessage(true)
                    .content(DEBT_MESSAGE).build())).isDeniedBy("CN-TP-05");
            assertThatDecision(ENGINE, request(toDebtor(Channel.CALL, OWN_LANDLINE).leavesMessage(true)
                    .content(DEBT_MESSAGE).build())).isAllowed();
        }

        @Test
        void aLiveCallToAFamilyLandlineLeavesNoMessageForOthers() {
            assertThatDecision(ENGINE, request(toDebtor(Channel.CALL, FAMILY_LANDLINE).content(DEBT_MESSAGE).build()))
                    .isAllowed();
        }
    }
}
