package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.SECOND_MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.contactguard.catalog.cn.CnFixtures.call;
import static org.contactguard.catalog.cn.CnFixtures.request;
import static org.contactguard.catalog.cn.CnFixtures.sms;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Instant;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.RestrictionKind;
import org.junit.jupiter.api.Test;

class CnRestrictionsTest {

    static final Instant AT = bj("2026-03-10T10:00");

    static Debtor with(Restriction restriction) {
        return Debtor.builder("D1").zone("Asia/Shanghai").restriction(restriction).build();
    }

    @Test
    void deceasedDebtorIsNotCalled() {
        assertThatDecision(ENGINE, request(call(AT).build(), with(Restriction.of(RestrictionKind.DECEASED)), List.of()))
                .isDeniedBy("CN-RESTR-01").hasNoNextPermittedAt();
    }

    @Test
    void complaintUnderHandlingStopsCollectionCallsUntilItCloses() {
        Instant closes = bj("2026-03-15T00:00");
        Debtor complaining = with(Restriction.of(RestrictionKind.COMPLAINT_OPEN, bj("2026-03-01T00:00"), closes));
        assertThatDecision(ENGINE, request(call(AT).build(), complaining, List.of()))
                .isDeniedBy("CN-RESTR-02").hasNextPermittedAt(bj("2026-03-15T08:00"));
    }

    @Test
    void complaintUnderHandlingStillAllowsAReminderCallAndCollectionSms() {
        Debtor complaining = with(Restriction.of(RestrictionKind.COMPLAINT_OPEN));
        assertThatDecision(ENGINE, request(call(AT).purpose(Purpose.REMINDER).build(), complaining, List.of())).isAllowed();
        assertThatDecision(ENGINE, request(sms(AT).build(), complaining, List.of())).isAllowed();
    }

    @Test
    void repaymentPlanAllowsOnlyReminders() {
        Debtor onPlan = with(Restriction.of(RestrictionKind.REPAYMENT_PLAN_ACTIVE));
        assertThatDecision(ENGINE, request(sms(AT).build(), onPlan, List.of())).isDeniedBy("CN-RESTR-03");
        assertThatDecision(ENGINE, request(sms(AT).purpose(Purpose.REMINDER).build(), onPlan, List.of())).isAllowed();
    }

    @Test
    void repaymentPlanEndingLiftsTheRestrictionFromItsEnd() {
        Instant ends = bj("2026-03-10T12:00");
        Debtor onPlan = with(Restriction.of(RestrictionKind.REPAYMENT_PLAN_ACTIVE, null, ends));
        assertThatDecision(ENGINE, request(call(AT).build(), onPlan, List.of()))
                .isDeniedBy("CN-RESTR-03").hasNextPermittedAt(ends);
        assertThatDecision(ENGINE, request(call(ends).build(), onPlan, List.of())).isAllowed();
    }

    @Test
    void optOutOfSmsDeniesSmsButNotCalls() {
        Debtor noSms = with(Restriction.optOut(Channel.SMS, null));
        assertThatDecision(ENGINE, request(sms(AT).build(), noSms, List.of())).isDeniedBy("CN-RESTR-04");
        assertThatDecision(ENGINE, request(call(AT).build(), noSms, List.of())).isAllowed();
    }

    @Test
    void optOutOfOneNumberLeavesTheOtherNumber() {
        Debtor notM1 = with(Restriction.optOut(Channel.CALL, "M1"));
        assertThatDecision(ENGINE, request(call(AT).build(), notM1, List.of())).isDeniedBy("CN-RESTR-04");
        assertThatDecision(ENGINE, request(call(AT).contactPoint(SECOND_MOBILE).build(), notM1, List.of())).isAllowed();
    }
}
