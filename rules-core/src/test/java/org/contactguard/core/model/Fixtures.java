package org.contactguard.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.function.Executable;

/** Named facts shared by the model tests. */
final class Fixtures {

    static final Instant NOON = Instant.parse("2026-01-02T12:00:00Z");
    static final Instant ONE_HOUR_BEFORE_NOON = Instant.parse("2026-01-02T11:00:00Z");
    static final Instant ONE_HOUR_AFTER_NOON = Instant.parse("2026-01-02T13:00:00Z");
    static final ContactPoint MOBILE = ContactPoint.of("P1", ContactPointKind.MOBILE);
    static final VisitDetails TWO_STAFF_VISIT = new VisitDetails(2, true, true, false, false, false);

    private Fixtures() {
    }

    /** A valid call to the debtor about account A1 at noon. */
    static ProposedAction.Builder callToDebtor() {
        return ProposedAction.builder()
                .channel(Channel.CALL)
                .at(NOON)
                .recipient(Recipient.DEBTOR)
                .contactPoint(MOBILE)
                .accountIds("A1");
    }

    /** A valid history call to the debtor about account A1 an hour before noon. */
    static ContactAttempt.Builder pastCallToDebtor() {
        return ContactAttempt.builder()
                .channel(Channel.CALL)
                .at(ONE_HOUR_BEFORE_NOON)
                .recipient(Recipient.DEBTOR)
                .contactPoint(MOBILE)
                .accountIds("A1")
                .outcome(Outcome.NO_ANSWER);
    }

    static DecisionRequest.Builder requestAboutA1() {
        return DecisionRequest.builder()
                .action(callToDebtor().build())
                .debtor(Debtor.of("D1", "America/New_York"))
                .account(Account.of("A1", Product.CREDIT_CARD, "US", 45));
    }

    /** Asserts that {@code construction} fails with exactly this {@code field: problem} message. */
    static InvalidInputException assertInvalid(String expectedMessage, Executable construction) {
        InvalidInputException e = assertThrows(InvalidInputException.class, construction);
        assertEquals(expectedMessage, e.getMessage());
        return e;
    }
}
