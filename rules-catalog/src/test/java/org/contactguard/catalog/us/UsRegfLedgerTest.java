package org.contactguard.catalog.us;

import static org.contactguard.catalog.us.UsFixtures.ENGINE;
import static org.contactguard.catalog.us.UsFixtures.call;
import static org.contactguard.catalog.us.UsFixtures.ny;
import static org.contactguard.catalog.us.UsFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.contactguard.core.ledger.ContactLedger;
import org.contactguard.core.ledger.InMemoryContactLedger;
import org.contactguard.core.ledger.LedgerDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reg F's presumption after a telephone conversation and reservations in the contact ledger whose
 * outcome never arrives (the dialer crashed between decision and dial): until the pending expiry
 * (2 h by default) such a call may have been a conversation; after it, it counts as a call placed,
 * not as a conversation that blocks the debt for seven days (issue 14, item 7).
 */
class UsRegfLedgerTest {

    static final Instant RESERVED_AT = ny("2026-03-10T09:00");

    private ContactLedger ledger;

    @BeforeEach
    void oneReservationWhoseOutcomeNeverArrives() {
        ledger = new InMemoryContactLedger(ENGINE);
        LedgerDecision reserved = decide("first", RESERVED_AT);
        assertTrue(reserved.decision().isAllowed(), reserved.decision()::toString);
    }

    private LedgerDecision decide(String id, Instant at) {
        return ledger.decideAndRecord(request(call(at).build()).id(id).build());
    }

    @Test
    void beforeItsExpiryTheReservationBlocksLikeAConversation() {
        LedgerDecision later = decide("second", RESERVED_AT.plusSeconds(3_600));

        assertEquals(List.of("US-REGF-FREQ-02"), later.decision().ruleIds(), later.decision()::toString);
    }

    @Test
    void atItsExpiryTheReservationCountsAsACallThatWasNotAConversation() {
        LedgerDecision later = decide("second", RESERVED_AT.plusSeconds(2 * 3_600));

        assertTrue(later.decision().isAllowed(), later.decision()::toString);
    }
}
