package org.contactguard.core.rules;

import static org.contactguard.core.rules.RulesFixtures.EMAIL;
import static org.contactguard.core.rules.RulesFixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Recipient;
import org.junit.jupiter.api.Test;

class AttemptFilterTest {

    static final Instant NOON = Instant.parse("2026-03-10T16:00:00Z");
    static final ContactAttempt CONNECTED_CALL_ABOUT_A1 = call(NOON, Outcome.CONNECTED, "A1").build();
    static final ContactAttempt CALL_ABOUT_BOTH = call(NOON, Outcome.NO_ANSWER, "A1", "A2").build();
    static final ContactAttempt EMAIL_ABOUT_A1 = ContactAttempt.builder().channel(Channel.EMAIL).at(NOON)
            .recipient(Recipient.DEBTOR).contactPoint(EMAIL).accountIds("A1").outcome(Outcome.DELIVERED).build();
    static final ContactAttempt CALL_TO_SPOUSE = call(NOON, Outcome.CONNECTED, "A1").recipient(Recipient.SPOUSE)
            .thirdPartyId("T1").build();
    static final ContactAttempt CALL_FROM_DEBTOR = call(NOON, Outcome.CONNECTED, "A1").initiatedBy(Initiator.DEBTOR)
            .build();
    static final Set<Outcome> NEVER_REACHED_THE_NUMBER = EnumSet.of(Outcome.BUSY, Outcome.NOT_IN_SERVICE, Outcome.FAILED);

    @Test
    void anyMatchesEveryEntry() {
        for (ContactAttempt attempt : List.of(CONNECTED_CALL_ABOUT_A1, CALL_ABOUT_BOTH, EMAIL_ABOUT_A1, CALL_TO_SPOUSE,
                CALL_FROM_DEBTOR, call(NOON, Outcome.BUSY, "A9").build())) {
            assertTrue(AttemptFilter.any().matches(attempt), attempt::toString);
        }
    }

    @Test
    void placedCallsAreConnectedCallsTheCollectorStartedAboutTheAccount() {
        assertEquals(new AttemptFilter(Channel.CALL, null, "A1", Initiator.COLLECTOR, true),
                AttemptFilter.placedCalls("A1"));
        assertTrue(AttemptFilter.placedCalls("A1").matches(CONNECTED_CALL_ABOUT_A1));
        assertFalse(AttemptFilter.placedCalls("A2").matches(CONNECTED_CALL_ABOUT_A1));
        assertFalse(AttemptFilter.placedCalls("A1").matches(EMAIL_ABOUT_A1));
        assertFalse(AttemptFilter.placedCalls("A1").matches(CALL_FROM_DEBTOR));
        assertFalse(AttemptFilter.placedCalls("A1").matches(call(NOON, Outcome.BUSY, "A1").build()));
    }

    @Test
    void placedCallsCountCallsToThirdPartiesAboutTheAccountToo() {
        // The cap is per account, whoever picked up.
        assertTrue(AttemptFilter.placedCalls("A1").matches(CALL_TO_SPOUSE));
    }

    @Test
    void channelCriterionKeepsOnlyThatChannel() {
        AttemptFilter calls = AttemptFilter.any().channel(Channel.CALL);
        assertTrue(calls.matches(CONNECTED_CALL_ABOUT_A1));
        assertFalse(calls.matches(EMAIL_ABOUT_A1));
        assertTrue(AttemptFilter.any().channel(Channel.EMAIL).matches(EMAIL_ABOUT_A1));
    }

    @Test
    void recipientCriterionKeepsOnlyThatRecipient() {
        assertTrue(AttemptFilter.any().recipient(Recipient.DEBTOR).matches(CONNECTED_CALL_ABOUT_A1));
        assertFalse(AttemptFilter.any().recipient(Recipient.DEBTOR).matches(CALL_TO_SPOUSE));
        assertTrue(AttemptFilter.any().recipient(Recipient.SPOUSE).matches(CALL_TO_SPOUSE));
    }

    @Test
    void accountCriterionMatchesEveryAccountAnEntryIsAbout() {
        assertTrue(AttemptFilter.any().account("A1").matches(CALL_ABOUT_BOTH));
        assertTrue(AttemptFilter.any().account("A2").matches(CALL_ABOUT_BOTH));
        assertFalse(AttemptFilter.any().account("A2").matches(CONNECTED_CALL_ABOUT_A1));
    }

    @Test
    void initiatorCriterionKeepsOnlyContactsThatSideStarted() {
        assertTrue(AttemptFilter.any().initiatedBy(Initiator.COLLECTOR).matches(CONNECTED_CALL_ABOUT_A1));
        assertFalse(AttemptFilter.any().initiatedBy(Initiator.COLLECTOR).matches(CALL_FROM_DEBTOR));
        assertTrue(AttemptFilter.any().initiatedBy(Initiator.DEBTOR).matches(CALL_FROM_DEBTOR));
    }

    @Test
    void connectedOnlyExcludesBusyNotInServiceAndFailedAndNothingElse() {
        AttemptFilter connected = AttemptFilter.any().connected();
        for (Outcome outcome : Outcome.values()) {
            ContactAttempt attempt = call(NOON, outcome, "A1").build();
            assertEquals(!NEVER_REACHED_THE_NUMBER.contains(outcome), connected.matches(attempt), outcome::name);
        }
    }

    @Test
    void connectedOnlyCountsAnAttemptWhoseOutcomeIsNotKnownYet() {
        assertTrue(AttemptFilter.any().connected().matches(call(NOON, null, "A1").build()));
    }

    @Test
    void withoutConnectedOnlyEveryOutcomeMatches() {
        List<Outcome> outcomes = new ArrayList<>(Arrays.asList(Outcome.values()));
        outcomes.add(null);
        for (Outcome outcome : outcomes) {
            assertTrue(AttemptFilter.any().matches(call(NOON, outcome, "A1").build()), String.valueOf(outcome));
        }
    }

    @Test
    void everyCriterionMustHoldAtOnce() {
        AttemptFilter filter = AttemptFilter.any().channel(Channel.CALL).recipient(Recipient.DEBTOR).account("A1")
                .initiatedBy(Initiator.COLLECTOR).connected();
        assertTrue(filter.matches(CONNECTED_CALL_ABOUT_A1));
        assertFalse(filter.matches(CALL_TO_SPOUSE));
        assertFalse(filter.matches(CALL_FROM_DEBTOR));
        assertFalse(filter.matches(EMAIL_ABOUT_A1));
    }

    @Test
    void eachRestrictionKeepsTheOtherCriteria() {
        AttemptFilter filter = AttemptFilter.any().channel(Channel.SMS).recipient(Recipient.SPOUSE).account("A2")
                .initiatedBy(Initiator.THIRD_PARTY).connected();
        assertEquals(new AttemptFilter(Channel.SMS, Recipient.SPOUSE, "A2", Initiator.THIRD_PARTY, true), filter);
        assertEquals(new AttemptFilter(Channel.CALL, Recipient.SPOUSE, "A2", Initiator.THIRD_PARTY, true),
                filter.channel(Channel.CALL));
    }
}
