package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.CONTACT_PERSON_MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.UNANSWERED_CAP;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.contactguard.catalog.cn.CnFixtures.call;
import static org.contactguard.catalog.cn.CnFixtures.calls;
import static org.contactguard.catalog.cn.CnFixtures.request;
import static org.contactguard.catalog.cn.CnFixtures.visit;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.contactguard.core.decision.ComplianceEngine;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.VisitDetails;
import org.junit.jupiter.api.Test;

/**
 * The China pack's messages are templates: they name parameters and what the rule found, never a
 * number, so a tuned parameter shows in the message; English by default, Simplified Chinese for an
 * engine built with {@code locale("zh-CN")}.
 */
class CnMessagesTest {

    static final Instant MORNING = bj("2026-03-10T09:00");
    static final Instant AFTERNOON = bj("2026-03-10T15:00");
    static final Instant AT_2130 = bj("2026-03-10T21:30");
    static final ComplianceEngine CHINESE = ComplianceEngine.builder().pack("cn").locale("zh-CN").build();

    private static Reason reason(ComplianceEngine engine, org.contactguard.core.model.DecisionRequest request, String ruleId) {
        return engine.decide(request).reasons().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void theUnansweredCapReasonKeepsItsTemplateAndTheValuesItNamesApart() {
        List<ContactAttempt> six = calls(MORNING, UNANSWERED_CAP, MOBILE, Outcome.NO_ANSWER);
        Reason reason = reason(ENGINE, request(call(AFTERNOON).build(), six), "CN-FREQ-01");
        assertEquals("Number {number} already had {unanswered} unanswered call attempts today; the cap is"
                + " {unansweredPerContactPointPerDay}", reason.template());
        assertEquals(Map.of("number", "M1", "unanswered", "6", "unansweredPerContactPointPerDay", "6"), reason.arguments());
    }

    @Test
    void aTunedUnansweredCapShowsInTheMessage() {
        ComplianceEngine tuned = ComplianceEngine.builder().pack("cn").parameter("cn", "unansweredPerContactPointPerDay", "4")
                .build();
        List<ContactAttempt> four = calls(MORNING, 4, MOBILE, Outcome.NO_ANSWER);
        assertThatDecision(tuned, request(call(AFTERNOON).build(), four)).isDeniedBy("CN-FREQ-01")
                .hasMessageContaining("CN-FREQ-01", "Number M1 already had 4 unanswered call attempts today; the cap is 4");
    }

    @Test
    void anEngineAskedForChineseWritesTheSameValuesInChinese() {
        List<ContactAttempt> six = calls(MORNING, UNANSWERED_CAP, MOBILE, Outcome.NO_ANSWER);
        assertThatDecision(CHINESE, request(call(AFTERNOON).build(), six)).isDeniedBy("CN-FREQ-01")
                .hasMessageContaining("CN-FREQ-01", "号码 M1 当天未接通的拨打次数已有 6 次，上限为 6 次");
    }

    @Test
    void aTunedQuietWindowShowsInTheMessage() {
        ComplianceEngine tuned = ComplianceEngine.builder().pack("cn").parameter("cn", "quietStart", "21:00").build();
        assertThatDecision(tuned, request(call(AT_2130).build())).isDeniedBy("CN-HOURS-01")
                .hasMessageContaining("CN-HOURS-01", "between 21:00 and 08:00");
        assertThatDecision(ENGINE, request(call(AT_2130).build())).isAllowed();
    }

    @Test
    void aContentRuleNamesTheTermThatMatched() {
        ProposedAction threat = call(AFTERNOON).content("再不还钱就弄死你").build();
        Reason reason = reason(ENGINE, request(threat), "CN-CONDUCT-01");
        assertEquals(Map.of("term", "弄死你"), reason.arguments());
        assertThatDecision(CHINESE, request(threat)).hasMessageContaining("CN-CONDUCT-01", "匹配“弄死你”");
    }

    @Test
    void theThirdPartyPurposeRuleNamesThePurpose() {
        ProposedAction askToPay = ProposedAction.builder().channel(org.contactguard.core.model.Channel.CALL).at(AFTERNOON)
                .recipient(Recipient.EMERGENCY_CONTACT).thirdPartyId("T1").contactPoint(CONTACT_PERSON_MOBILE)
                .purpose(Purpose.COLLECTION).accountIds("A1").build();
        assertThatDecision(ENGINE, request(askToPay)).isDeniedBy("CN-TP-01", "CN-TP-02")
                .hasMessageContaining("CN-TP-02", "not for COLLECTION");
    }

    @Test
    void aTunedStaffMinimumShowsInTheMessage() {
        ComplianceEngine tuned = ComplianceEngine.builder().pack("cn").parameter("cn", "visitMinStaff", "3").build();
        ProposedAction twoCollectors = visit(AFTERNOON).visit(new VisitDetails(2, true, true, false, false, false)).build();
        assertThatDecision(tuned, request(twoCollectors)).isDeniedBy("CN-VISIT-01", "CN-VISIT-07")
                .hasMessageContaining("CN-VISIT-01", "at least 3 collectors; planned: 2");
    }
}
