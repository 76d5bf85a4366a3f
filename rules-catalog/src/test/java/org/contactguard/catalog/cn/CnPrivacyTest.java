package org.contactguard.catalog.cn;

import static org.contactguard.catalog.cn.CnFixtures.ENGINE;
import static org.contactguard.catalog.cn.CnFixtures.MOBILE;
import static org.contactguard.catalog.cn.CnFixtures.bj;
import static org.contactguard.catalog.cn.CnFixtures.call;
import static org.contactguard.catalog.cn.CnFixtures.calls;
import static org.contactguard.catalog.cn.CnFixtures.request;
import static org.contactguard.core.testkit.DecisionAssert.assertThatDecision;

import java.time.Instant;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.ContactPointSource;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Visibility;
import org.junit.jupiter.api.Test;

class CnPrivacyTest {

    static final Instant AT = bj("2026-03-11T10:00");

    static ContactPoint from(String id, ContactPointSource source) {
        return new ContactPoint(id, ContactPointKind.MOBILE, false, source, false);
    }

    @Test
    void publicPostAboutTheDebtorIsDenied() {
        ProposedAction post = ProposedAction.builder().channel(Channel.SOCIAL_MEDIA).at(AT).recipient(Recipient.DEBTOR)
                .accountIds("A1").visibility(Visibility.PUBLIC).build();
        assertThatDecision(ENGINE, request(post)).isDeniedBy("CN-PRIV-01");
        ProposedAction directMessage = ProposedAction.builder().channel(Channel.SOCIAL_MEDIA).at(AT)
                .recipient(Recipient.DEBTOR).accountIds("A1").visibility(Visibility.PRIVATE).build();
        assertThatDecision(ENGINE, request(directMessage)).isAllowed();
    }

    @Test
    void harvestedPhoneBookNumberIsDeniedEvenForTheDebtor() {
        assertThatDecision(ENGINE, request(call(AT).contactPoint(from("H1", ContactPointSource.PHONE_BOOK_HARVEST)).build()))
                .isDeniedBy("CN-PRIV-02");
    }

    @Test
    void unknownSourceNumberIsDeniedForAThirdPartyButNotForTheDebtor() {
        ProposedAction askContact = ProposedAction.builder().channel(Channel.CALL).at(AT).recipient(Recipient.EMERGENCY_CONTACT)
                .thirdPartyId("T1").contactPoint(from("U1", ContactPointSource.UNKNOWN)).accountIds("A1")
                .purpose(Purpose.LOCATION_INFO).build();
        // The debtor is lost (three failed calls the day before), so only the source objects.
        assertThatDecision(ENGINE, request(askContact, calls(bj("2026-03-10T10:00"), 3, MOBILE, Outcome.NO_ANSWER)))
                .isDeniedBy("CN-PRIV-02");
        assertThatDecision(ENGINE, request(call(AT).contactPoint(from("U2", ContactPointSource.UNKNOWN)).build())).isAllowed();
    }

    @Test
    void numberProvidedByAContactPersonIsLawful() {
        assertThatDecision(ENGINE, request(call(AT).contactPoint(from("P9", ContactPointSource.CONTACT_PERSON_PROVIDED))
                .build())).isAllowed();
    }

    @Test
    void noticePostedInAPublicPlaceIsDeniedButALetterHomeIsNot() {
        ProposedAction publicNotice = ProposedAction.builder().channel(Channel.LETTER).at(AT).recipient(Recipient.DEBTOR)
                .accountIds("A1").place(Place.PUBLIC).build();
        assertThatDecision(ENGINE, request(publicNotice)).isDeniedBy("CN-PRIV-03");
        ProposedAction letterHome = ProposedAction.builder().channel(Channel.LETTER).at(AT).recipient(Recipient.DEBTOR)
                .accountIds("A1").place(Place.HOME).build();
        assertThatDecision(ENGINE, request(letterHome)).isAllowed();
    }
}
