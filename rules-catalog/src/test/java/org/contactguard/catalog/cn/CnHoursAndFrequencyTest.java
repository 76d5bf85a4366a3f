package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.CONVERSATION_CAP;
import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.SECOND_MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.UNANSWERED_CAP;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.contactguard.catalog.cn.CnFixtures.call;
import static org.contactguard.catalog.cn.CnFixtures.calls;
import static org.contactguard.catalog.cn.CnFixtures.concat;
import static org.contactguard.catalog.cn.CnFixtures.pastCall;
import static org.contactguard.catalog.cn.CnFixtures.request;
import static org.contactguard.catalog.cn.CnFixtures.sms;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CnHoursAndFrequencyTest {

    static final Instant AT_0759 = bj("2026-03-10T07:59");
    static final Instant AT_0800 = bj("2026-03-10T08:00");
    static final Instant AT_2159 = bj("2026-03-10T21:59");
    static final Instant AT_2200 = bj("2026-03-10T22:00");
    static final Instant NEXT_DAY_0800 = bj("2026-03-11T08:00");
    static final Instant MORNING = bj("2026-03-10T09:00");
    static final Instant AFTERNOON = bj("2026-03-10T15:00");

    @Nested
    class QuietWindow {

        @Test
        void callAtNineFiftyNineInTheEveningIsAllowed() {
            assertThatDecision(ENGINE, request(call(AT_2159).build())).isAllowed();
        }

        @Test
        void callAtTenInTheEveningIsDeniedUntilEightNextMorning() {
            assertThatDecision(ENGINE, request(call(AT_2200).build()))
                    .isDeniedBy("CN-HOURS-01").hasNextPermittedAt(NEXT_DAY_0800);
        }

        @Test
        void callAtSevenFiftyNineIsDeniedUntilEight() {
            assertThatDecision(ENGINE, request(call(AT_0759).build()))
                    .isDeniedBy("CN-HOURS-01").hasNextPermittedAt(AT_0800);
        }

        @Test
        void callAtEightIsAllowed() {
            assertThatDecision(ENGINE, request(call(AT_0800).build())).isAllowed();
        }

        @Test
        void smsImAndEmailAreQuietToo() {
            assertThatDecision(ENGINE, request(sms(AT_2200).build())).isDeniedBy("CN-HOURS-01");
            assertThatDecision(ENGINE, request(sms(AT_2200).channel(Channel.IM).build())).isDeniedBy("CN-HOURS-01");
        }

        @Test
        void letterIsNotAnHoursMatter() {
            ProposedAction letter = ProposedAction.builder().channel(Channel.LETTER).at(AT_2200)
                    .recipient(Recipient.DEBTOR).accountIds("A1").build();
            assertThatDecision(ENGINE, request(letter)).isAllowed();
        }

        @Test
        void answeringTheDebtorsOwnCallAtNightIsNotCollectorInitiated() {
            ProposedAction answer = call(AT_2200).initiatedBy(Initiator.DEBTOR).purpose(Purpose.RESPONSE).build();
            assertThatDecision(ENGINE, request(answer)).isAllowed();
        }

        @Test
        void consentCoveringTheMomentLiftsTheQuietWindow() {
            Debtor agreed = Debtor.builder("D1").zone("Asia/Shanghai")
                    .consent(Consent.contactTime(bj("2026-03-01T10:00"), LocalTime.of(21, 0), LocalTime.of(23, 0)))
                    .build();
            assertThatDecision(ENGINE, request(call(bj("2026-03-10T22:30")).build(), agreed, List.of())).isAllowed();
            assertThatDecision(ENGINE, request(call(bj("2026-03-10T23:00")).build(), agreed, List.of()))
                    .isDeniedBy("CN-HOURS-01").hasNextPermittedAt(NEXT_DAY_0800);
        }

        @Test
        void consentNamingOneNumberOpensTheNightForThatNumberOnly() {
            Debtor agreed = Debtor.builder("D1").zone("Asia/Shanghai")
                    .consent(new Consent(ConsentKind.CONTACT_TIME, bj("2026-03-01T10:00"), null, CnFixtures.SECOND_MOBILE.id(),
                            null, null, LocalTime.of(21, 0), LocalTime.of(23, 0), false))
                    .build();
            assertThatDecision(ENGINE, request(call(bj("2026-03-10T22:30")).contactPoint(CnFixtures.SECOND_MOBILE).build(),
                    agreed, List.of())).isAllowed();
            assertThatDecision(ENGINE, request(call(bj("2026-03-10T22:30")).build(), agreed, List.of()))
                    .isDeniedBy("CN-HOURS-01").hasNextPermittedAt(NEXT_DAY_0800);
        }

        @Test
        void consentGivenAfterTheMomentDoesNotCount() {
            Debtor agreedLater = Debtor.builder("D1").zone("Asia/Shanghai")
                    .consent(Consent.contactTime(bj("2026-03-11T10:00"), LocalTime.of(21, 0), LocalTime.of(23, 0)))
                    .build();
            assertThatDecision(ENGINE, request(call(bj("2026-03-10T22:30")).build(), agreedLater, List.of()))
                    .isDeniedBy("CN-HOURS-01");
        }

        @Test
        void unknownZoneIsReadInBeijingTime() {
            assertThatDecision(ENGINE, request(call(AT_2200).build(), Debtor.of("D1"), List.of()))
                    .isDeniedBy("CN-HOURS-01").hasNextPermittedAt(NEXT_DAY_0800);
            assertThatDecision(ENGINE, request(call(AT_2159).build(), Debtor.of("D1"), List.of())).isAllowed();
        }

        @Test
        void debtorInUrumqiTimeIsReadInBothZones() {
            // 08:30 Beijing is 06:30 in Urumqi (UTC+6): quiet there until 08:00 local, 10:00 Beijing.
            Debtor twoZones = Debtor.of("D1", "Asia/Shanghai", "Asia/Urumqi");
            assertThatDecision(ENGINE, request(call(bj("2026-03-10T08:30")).build(), twoZones, List.of()))
                    .isDeniedBy("CN-HOURS-01").hasNextPermittedAt(bj("2026-03-10T10:00"));
        }
    }

    @Nested
    class UnansweredAttemptsPerNumber {

        @Test
        void sixthAttemptAfterFiveUnansweredIsAllowed() {
            List<ContactAttempt> five = calls(MORNING, UNANSWERED_CAP - 1, MOBILE, Outcome.NO_ANSWER);
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), five)).isAllowed();
        }

        @Test
        void seventhAttemptAfterSixUnansweredIsDeniedUntilTomorrowMorning() {
            List<ContactAttempt> six = calls(MORNING, UNANSWERED_CAP, MOBILE, Outcome.NO_ANSWER);
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), six))
                    .isDeniedBy("CN-FREQ-01").hasNextPermittedAt(NEXT_DAY_0800);
        }

        @Test
        void everyKindOfNonConnectionCounts() {
            List<ContactAttempt> mixed = List.of(pastCall(MORNING, MOBILE, Outcome.NO_ANSWER),
                    pastCall(MORNING.plusSeconds(600), MOBILE, Outcome.VOICEMAIL),
                    pastCall(MORNING.plusSeconds(1200), MOBILE, Outcome.BUSY),
                    pastCall(MORNING.plusSeconds(1800), MOBILE, Outcome.NOT_IN_SERVICE),
                    pastCall(MORNING.plusSeconds(2400), MOBILE, Outcome.FAILED),
                    pastCall(MORNING.plusSeconds(3000), MOBILE, null));
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), mixed)).isDeniedBy("CN-FREQ-01");
        }

        @Test
        void anotherNumberHasItsOwnCount() {
            List<ContactAttempt> six = calls(MORNING, UNANSWERED_CAP, MOBILE, Outcome.NO_ANSWER);
            assertThatDecision(ENGINE, request(call(AFTERNOON).contactPoint(SECOND_MOBILE).build(), six)).isAllowed();
        }

        @Test
        void yesterdaysAttemptsDoNotCount() {
            List<ContactAttempt> lateYesterday = calls(bj("2026-03-09T20:00"), UNANSWERED_CAP, MOBILE, Outcome.NO_ANSWER);
            assertThatDecision(ENGINE, request(call(AT_0800).build(), lateYesterday)).isAllowed();
        }

        @Test
        void theDayIsTheBeijingCalendarDayEvenForADebtorInAnotherZone() {
            // 23:30 Beijing on the 9th is the 9th; the debtor's own zone does not move the day.
            List<ContactAttempt> six = calls(bj("2026-03-10T08:00"), UNANSWERED_CAP, MOBILE, Outcome.NO_ANSWER);
            Debtor urumqi = Debtor.of("D1", "Asia/Urumqi");
            assertThatDecision(ENGINE, request(call(bj("2026-03-10T23:30")).build(), urumqi, six))
                    .isDeniedBy("CN-FREQ-01");
        }

        @Test
        void softSettingReportsTheCapAsAdvisory() {
            ComplianceEngine soft = ComplianceEngine.builder().pack("cn").parameter("cn", "unansweredCapDenies", "false")
                    .build();
            List<ContactAttempt> six = calls(MORNING, UNANSWERED_CAP, MOBILE, Outcome.NO_ANSWER);
            assertThatDecision(soft, request(call(AFTERNOON).build(), six)).isAllowed().hasAdvisory("CN-FREQ-04")
                    .isNotFlaggedBy("CN-FREQ-01");
        }
    }

    @Nested
    class ConversationsPerDebtor {

        @Test
        void thirdConversationOfTheDayIsAllowed() {
            List<ContactAttempt> two = calls(MORNING, CONVERSATION_CAP - 1, MOBILE, Outcome.CONNECTED);
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), two)).isAllowed();
        }

        @Test
        void fourthConversationOfTheDayIsDeniedUntilTomorrowMorning() {
            List<ContactAttempt> three = calls(MORNING, CONVERSATION_CAP, MOBILE, Outcome.CONNECTED);
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), three))
                    .isDeniedBy("CN-FREQ-02").hasNextPermittedAt(NEXT_DAY_0800);
        }

        @Test
        void conversationsOnAnyNumberCountAndAutomatedVoiceCounts() {
            List<ContactAttempt> three = List.of(pastCall(MORNING, MOBILE, Outcome.CONNECTED),
                    pastCall(MORNING.plusSeconds(3600), SECOND_MOBILE, Outcome.CONNECTED),
                    ContactAttempt.builder().channel(Channel.CALL).at(MORNING.plusSeconds(7200)).recipient(Recipient.DEBTOR)
                            .contactPoint(MOBILE).accountIds("A1").automated(true).outcome(Outcome.CONNECTED).build());
            assertThatDecision(ENGINE, request(call(AFTERNOON).automated(true).build(), three)).isDeniedBy("CN-FREQ-02");
        }

        @Test
        void callsTheDebtorStartedDoNotCount() {
            List<ContactAttempt> history = new ArrayList<>(calls(MORNING, CONVERSATION_CAP - 1, MOBILE, Outcome.CONNECTED));
            history.add(ContactAttempt.builder().channel(Channel.CALL).at(MORNING.plusSeconds(7200))
                    .recipient(Recipient.DEBTOR).contactPoint(MOBILE).accountIds("A1").initiatedBy(Initiator.DEBTOR)
                    .outcome(Outcome.CONNECTED).build());
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), history)).isAllowed();
        }

        @Test
        void bothCapsCanDenyTogether() {
            List<ContactAttempt> history = concat(calls(MORNING, CONVERSATION_CAP, SECOND_MOBILE, Outcome.CONNECTED),
                    calls(MORNING.plusSeconds(3600), UNANSWERED_CAP, MOBILE, Outcome.NO_ANSWER));
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), history)).isDeniedBy("CN-FREQ-01", "CN-FREQ-02");
        }
    }

    @Nested
    class RapidRedial {

        @Test
        void redialWithinFiveMinutesIsFlaggedButAllowed() {
            List<ContactAttempt> one = List.of(pastCall(AFTERNOON.minusSeconds(4 * 60 + 59), MOBILE, Outcome.NO_ANSWER));
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), one)).isAllowed().hasAdvisory("CN-FREQ-03");
        }

        @Test
        void redialAfterFiveMinutesIsNotFlagged() {
            List<ContactAttempt> one = List.of(pastCall(AFTERNOON.minusSeconds(5 * 60), MOBILE, Outcome.NO_ANSWER));
            assertThatDecision(ENGINE, request(call(AFTERNOON).build(), one)).isAllowed().isNotFlaggedBy("CN-FREQ-03");
        }
    }

    static Instant local(String text, ZoneId zone) {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
    }
}
