package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.CREDITOR;
import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.MOBILE;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.contact;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.catalog.us.UsFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Instant;
import java.util.List;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Product;
import org.junit.jupiter.api.Test;

/** Content screening against the editable term lists: violence, profanity, false threats, time-barred suits, opt-out. */
class UsRegfConductTest {

    static final Instant TUESDAY_10AM = ny("2026-03-10T10:00");

    static DecisionRequest saying(String script) {
        return request(call(TUESDAY_10AM).content(script).build()).build();
    }

    @Test
    void threatOfViolenceIsDeniedNamingTheTerm() {
        assertThatDecision(ENGINE, saying("Pay today or we'll HURT-YOU."))
                .isDeniedBy("US-REGF-HARASS-01").hasMessageContaining("US-REGF-HARASS-01", "hurt you")
                .hasNoNextPermittedAt();
    }

    @Test
    void profanityIsDenied() {
        assertThatDecision(ENGINE, saying("Listen, you deadbeat, pay up.")).isDeniedBy("US-REGF-HARASS-02");
    }

    @Test
    void threatOfArrestIsDenied() {
        assertThatDecision(ENGINE, saying("If you do not pay you will go to J A I L.")).isDeniedBy("US-REGF-THREAT-01");
    }

    @Test
    void politeScriptIsAllowed() {
        assertThatDecision(ENGINE, saying("This is Acme Recovery calling about your account; please call us back."))
                .isAllowed();
    }

    @Test
    void suitThreatIsDeniedOnlyOnATimeBarredDebt() {
        Account barred = new Account("A9", Product.CREDIT_CARD, "US", 2400, null, true, null, null);
        DecisionRequest onBarred = request(call(TUESDAY_10AM, "A9").content("We will take you to court.").build())
                .account(barred).build();
        assertThatDecision(ENGINE, onBarred).isDeniedBy("US-REGF-TIMEBAR-01");
        assertThatDecision(ENGINE, saying("We will take you to court.")).isAllowed();
    }

    @Test
    void creditorsAreNotScreenedByRegulationF() {
        assertThatDecision(ENGINE, request(call(TUESDAY_10AM).content("you deadbeat").build()).collector(CREDITOR)
                .build()).isAllowed();
    }

    @Test
    void textWithoutOptOutWordingGetsAnAdvisory() {
        Debtor consented = Debtor.builder("D1").zone("America/New_York")
                .consent(Consent.electronic(ny("2026-03-01T10:00"), Channel.SMS, MOBILE.id())).build();
        assertThatDecision(ENGINE, request(contact(Channel.SMS, TUESDAY_10AM, MOBILE).content("Your payment is due.")
                .build(), consented, List.of()).build()).isAllowed().hasAdvisory("US-REGF-OPTOUT-01");
        assertThatDecision(ENGINE, request(contact(Channel.SMS, TUESDAY_10AM, MOBILE)
                .content("Your payment is due. Reply STOP to opt out.").build(), consented, List.of()).build())
                .isAllowed().isNotFlaggedBy("US-REGF-OPTOUT-01");
    }
}
