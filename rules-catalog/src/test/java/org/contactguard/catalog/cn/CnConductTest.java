package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.contactguard.catalog.cn.CnFixtures.call;
import static org.contactguard.catalog.cn.CnFixtures.debtor;
import static org.contactguard.catalog.cn.CnFixtures.request;
import static org.contactguard.catalog.cn.CnFixtures.sms;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.contactguard.core.decision.Reason;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.CollectorKind;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CnConductTest {

    static final Instant AT = bj("2026-03-10T10:00");

    /** Each rule with messages that must be caught: plain, Traditional, full-width, spaced, punctuated. */
    static Stream<Arguments> offendingMessages() {
        return Stream.of(
                Arguments.of("CN-CONDUCT-01", "再不还钱后果自负"),
                Arguments.of("CN-CONDUCT-01", "再不還錢後果自負"),
                Arguments.of("CN-CONDUCT-01", "我们会去你家 泼 油 漆"),
                Arguments.of("CN-CONDUCT-01", "明天就 爆-通-讯-录"),
                Arguments.of("CN-CONDUCT-01", "We know where you live."),
                Arguments.of("CN-CONDUCT-01", "ＷＥ ＫＮＯＷ ＷＨＥＲＥ ＹＯＵ ＬＩＶＥ"),
                Arguments.of("CN-CONDUCT-02", "你这个老赖"),
                Arguments.of("CN-CONDUCT-02", "你這個老賴"),
                Arguments.of("CN-CONDUCT-02", "脑*残"),
                Arguments.of("CN-CONDUCT-02", "you IDIOT"),
                Arguments.of("CN-CONDUCT-03", "这里是派出所,请配合调查"),
                Arguments.of("CN-CONDUCT-03", "這裡是派出所"),
                Arguments.of("CN-CONDUCT-03", "法院\u200B传票已发出"),
                Arguments.of("CN-CONDUCT-03", "An arrest-warrant has been issued"),
                Arguments.of("CN-CONDUCT-04", "将把你列入黑名单"),
                Arguments.of("CN-CONDUCT-04", "將把你列入黑名單"),
                Arguments.of("CN-CONDUCT-04", "你会成为征信 黑户"),
                Arguments.of("CN-CONDUCT-04", "You will be BLACKLISTED"),
                Arguments.of("CN-CONDUCT-05", "不还就坐牢"),
                Arguments.of("CN-CONDUCT-05", "影響子女上學"),
                Arguments.of("CN-CONDUCT-05", "ｙｏｕ ｗｉｌｌ ｇｏ ｔｏ ｊａｉｌ"),
                Arguments.of("CN-CONDUCT-06", "可以以贷养贷先还上"),
                Arguments.of("CN-CONDUCT-06", "向親友借錢還"),
                Arguments.of("CN-CONDUCT-06", "Take out another loan to pay"),
                Arguments.of("CN-CONDUCT-07", "需另付上门费200元"),
                Arguments.of("CN-CONDUCT-07", "需另付上門費"),
                Arguments.of("CN-CONDUCT-07", "a collection-fee applies"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("offendingMessages")
    void offendingSmsIsDeniedByItsRule(String ruleId, String text) {
        assertThatDecision(ENGINE, request(sms(AT).content(text).build())).isDeniedBy(ruleId);
    }

    @Test
    void callScriptsAreScreenedToo() {
        assertThatDecision(ENGINE, request(call(AT).content("我是警察,你涉嫌诈骗").build())).isDeniedBy("CN-CONDUCT-03");
    }

    @Test
    void theReasonNamesTheMatchedTerm() {
        assertThatDecision(ENGINE, request(sms(AT).content("你等着瞧").build()))
                .isDeniedBy("CN-CONDUCT-01").hasMessageContaining("CN-CONDUCT-01", "你等着瞧");
    }

    @Test
    void aLawfulReminderIsAllowed() {
        for (String text : List.of("【某银行】尊敬的客户,您的信用卡本期账单已逾期,请尽快还款。如有疑问请致电95555。",
                "如协商不成,我司可能依法向人民法院提起诉讼。",
                "Your card payment is overdue; please call us to agree a plan.")) {
            assertThatDecision(ENGINE, request(sms(AT).content(text).build())).isAllowed();
        }
    }

    @Test
    void callerWhoDoesNotIdentifyThemselvesIsDenied() {
        assertThatDecision(ENGINE, request(call(AT).identifiesCaller(false).build())).isDeniedBy("CN-ID-01");
    }

    /** CN-ID-01 covers every channel (cn.md: "all"), not only calls, SMS and IM. */
    @ParameterizedTest
    @EnumSource(Channel.class)
    void anAnonymousContactIsDeniedOnEveryChannelAndANamedOneIsNot(Channel channel) {
        ProposedAction.Builder anyChannel = ProposedAction.builder().channel(channel).at(AT).recipient(Recipient.DEBTOR)
                .accountIds("A1").place(Place.HOME);
        if (channel == Channel.CALL || channel == Channel.SMS || channel == Channel.EMAIL || channel == Channel.IM) {
            anyChannel.contactPoint(CnFixtures.MOBILE);
        }
        if (channel == Channel.VISIT) {
            anyChannel.visit(CnFixtures.COMPLIANT_VISIT);
        }
        List<String> anonymous = ENGINE.decide(request(anyChannel.identifiesCaller(false).build())).reasons().stream()
                .map(Reason::ruleId).toList();
        List<String> named = ENGINE.decide(request(anyChannel.identifiesCaller(true).build())).reasons().stream()
                .map(Reason::ruleId).toList();
        assertTrue(anonymous.contains("CN-ID-01"), channel + ": " + anonymous);
        assertFalse(named.contains("CN-ID-01"), channel + ": " + named);
    }

    static DecisionRequest byAgency(boolean approved, boolean personalDevice) {
        return new DecisionRequest("t", List.of(), new Collector(CollectorKind.OUTSOURCED_AGENCY, "AG1", List.of(), approved),
                call(AT).viaPersonalDevice(personalDevice).build(), debtor(), List.of(CnFixtures.LOAN), List.of(), List.of());
    }

    @Test
    void outsourcedAgentsPersonalPhoneIsDeniedUnlessApproved() {
        assertThatDecision(ENGINE, byAgency(false, true)).isDeniedBy("CN-CHAN-01");
        assertThatDecision(ENGINE, byAgency(true, true)).isAllowed();
        assertThatDecision(ENGINE, byAgency(false, false)).isAllowed();
    }
}
