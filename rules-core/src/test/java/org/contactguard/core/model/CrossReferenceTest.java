package org.contactguard.core.model;

import static org.contactguard.core.model.Fixtures.NOON;
import static org.contactguard.core.model.Fixtures.ONE_HOUR_AFTER_NOON;
import static org.contactguard.core.model.Fixtures.callToDebtor;
import static org.contactguard.core.model.Fixtures.pastCallToDebtor;
import static org.contactguard.core.model.Fixtures.requestAboutA1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DecisionRequest#firstProblem()}: dangling ids and history that is not in the past, with full paths. */
class CrossReferenceTest {

    static final ThirdParty SPOUSE_T1 = new ThirdParty("T1", Recipient.SPOUSE, true, null, false);

    private static void assertFirstProblem(String expectedMessage, DecisionRequest request) {
        Optional<InvalidInputException> problem = request.firstProblem();
        assertTrue(problem.isPresent(), "expected a problem: " + expectedMessage);
        assertEquals(expectedMessage, problem.get().getMessage());
    }

    @Test
    void consistentRequestHasNoProblem() {
        DecisionRequest request = requestAboutA1()
                .thirdParty(SPOUSE_T1)
                .attempt(pastCallToDebtor().build())
                .attempt(pastCallToDebtor().recipient(Recipient.SPOUSE).thirdPartyId("T1").build())
                .build();
        assertEquals(Optional.empty(), request.firstProblem());
    }

    @Test
    void actionAboutAnUnknownAccountIsAProblem() {
        assertFirstProblem("action.accountIds[1]: no account with id \"A9\"",
                requestAboutA1().action(callToDebtor().accountIds("A1", "A9").build()).build());
    }

    @Test
    void actionToAnUnknownThirdPartyIsAProblem() {
        assertFirstProblem("action.thirdPartyId: no third party with id \"T9\"", requestAboutA1()
                .thirdParty(SPOUSE_T1)
                .action(callToDebtor().recipient(Recipient.SPOUSE).thirdPartyId("T9").build())
                .build());
    }

    @Test
    void historyAboutAnUnknownAccountIsAProblem() {
        assertFirstProblem("history[1].accountIds[0]: no account with id \"A9\"", requestAboutA1()
                .attempt(pastCallToDebtor().build())
                .attempt(pastCallToDebtor().accountIds("A9").build())
                .build());
    }

    @Test
    void historyWithAnUnknownThirdPartyIsAProblem() {
        assertFirstProblem("history[0].thirdPartyId: no third party with id \"T9\"", requestAboutA1()
                .attempt(pastCallToDebtor().recipient(Recipient.EMPLOYER).thirdPartyId("T9").build())
                .build());
    }

    @Test
    void historyAtTheMomentOfTheActionIsAProblem() {
        assertFirstProblem("history[0].at: 2026-01-02T12:00:00Z is not before action.at 2026-01-02T12:00:00Z",
                requestAboutA1().attempt(pastCallToDebtor().at(NOON).build()).build());
    }

    @Test
    void historyAfterTheActionIsAProblem() {
        assertFirstProblem("history[1].at: 2026-01-02T13:00:00Z is not before action.at 2026-01-02T12:00:00Z",
                requestAboutA1()
                        .attempt(pastCallToDebtor().build())
                        .attempt(pastCallToDebtor().at(ONE_HOUR_AFTER_NOON).build())
                        .build());
    }

    @Test
    void historyJustBeforeTheActionIsFine() {
        DecisionRequest request = requestAboutA1().attempt(pastCallToDebtor().at(NOON.minusNanos(1)).build()).build();
        assertEquals(Optional.empty(), request.firstProblem());
    }

    @Test
    void actionProblemsAreReportedBeforeHistoryProblems() {
        assertFirstProblem("action.accountIds[0]: no account with id \"A9\"", requestAboutA1()
                .action(callToDebtor().accountIds("A9").build())
                .attempt(pastCallToDebtor().accountIds("A8").build())
                .build());
    }

    @Test
    void danglingHistoryReferencesAreReportedBeforeHistoryTiming() {
        assertFirstProblem("history[1].accountIds[0]: no account with id \"A9\"", requestAboutA1()
                .attempt(pastCallToDebtor().at(ONE_HOUR_AFTER_NOON).build())
                .attempt(pastCallToDebtor().accountIds("A9").build())
                .build());
    }

    @Test
    void contactPointIdsInRestrictionsAndConsentsAreNotCheckedBecausePointsAreNotListed() {
        Debtor debtor = Debtor.builder("D1")
                .restriction(Restriction.optOut(Channel.SMS, "P-unlisted"))
                .consent(Consent.electronic(NOON, Channel.EMAIL, "P-other"))
                .build();
        assertEquals(Optional.empty(), requestAboutA1().debtor(debtor).build().firstProblem());
    }

    @Test
    void recipientThatContradictsTheThirdPartysRelationIsAProblem() {
        assertFirstProblem("action.recipient: NEIGHBOUR contradicts the relation SPOUSE of third party \"T1\"",
                requestAboutA1().thirdParty(SPOUSE_T1)
                        .action(callToDebtor().recipient(Recipient.NEIGHBOUR).thirdPartyId("T1").build()).build());
    }

    @Test
    void oneContactPointIdDescribedTwoWaysIsAProblem() {
        ContactPoint asWorkPhone = new ContactPoint("P1", ContactPointKind.WORK_PHONE, true, null, false);
        DecisionRequest request = requestAboutA1()
                .action(callToDebtor().contactPoint(ContactPoint.of("P1", ContactPointKind.MOBILE)).build())
                .attempt(pastCallToDebtor().contactPoint(asWorkPhone).build())
                .build();
        assertFirstProblem("history[0].contactPoint: id \"P1\" is described differently in action.contactPoint",
                request);
    }
}
