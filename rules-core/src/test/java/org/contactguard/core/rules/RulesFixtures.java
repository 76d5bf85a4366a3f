package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.LocalTimeWindow;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Recipient;

/** Named zones, windows and contact builders shared by the tests of the rule helpers. */
final class RulesFixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** UTC+14 all year: the first zone to start each date. */
    static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    /** UTC-11 all year: 25 hours behind Kiritimati, so the two always read different dates. */
    static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");

    /** The starter pack's permitted hours. */
    static final LocalTime EIGHT = LocalTime.of(8, 0);
    static final LocalTime NINE_PM = LocalTime.of(21, 0);
    static final LocalTimeWindow HOURS_08_TO_21 = new LocalTimeWindow(EIGHT, NINE_PM);

    static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    static final ContactPoint EMAIL = ContactPoint.of("E1", ContactPointKind.EMAIL);

    private RulesFixtures() {
    }

    /** {@code local} (e.g. "2026-03-10T08:00") read in {@code zone}; a time in a gap moves forward by the gap. */
    static Instant local(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static Instant newYork(String local) {
        return local(local, NEW_YORK);
    }

    static Instant london(String local) {
        return local(local, LONDON);
    }

    /** A call the collector placed to the debtor. */
    static ContactAttempt.Builder call(Instant at, Outcome outcome, String... accounts) {
        return ContactAttempt.builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(MOBILE)
                .accountIds(accounts).initiatedBy(Initiator.COLLECTOR).outcome(outcome);
    }

    /** A connected call about {@code A1} the collector placed to the debtor. */
    static ContactAttempt connectedCall(Instant at) {
        return call(at, Outcome.CONNECTED, "A1").build();
    }
}
