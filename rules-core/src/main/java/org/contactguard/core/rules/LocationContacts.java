package org.contactguard.core.rules;

import java.util.List;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;

/**
 * The collector's earlier location-information contacts with the proposed contact's third party
 * (15 U.S.C. 1692b(3)): engine-built once per moment. How many are allowed, and what the person's
 * request to be contacted again opens, is the rule's.
 *
 * @param thirdPartyId the proposed contact's third party; null for a contact to the debtor (then nothing is counted)
 * @param reached earlier LOCATION_INFO contacts the collector started with them that reached them
 *     (a conversation, a meeting, a delivered message or letter, a refusal, or an unknown outcome)
 * @param askedToBeContactedAgain the third party's {@code requestedCallback}
 */
public record LocationContacts(String thirdPartyId, int reached, boolean askedToBeContactedAgain) {

    /** The location contacts with {@code action}'s third party, as seen at {@code action.at()}. */
    public static LocationContacts of(ProposedAction action, List<ThirdParty> thirdParties, ContactHistory history) {
        String id = action.thirdPartyId();
        if (id == null) {
            return new LocationContacts(null, 0, false);
        }
        int n = 0;
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(action.at()) && attempt.purpose() == Purpose.LOCATION_INFO
                    && attempt.initiatedBy() == Initiator.COLLECTOR && attempt.recipient() != Recipient.DEBTOR
                    && id.equals(attempt.thirdPartyId()) && ConsumerContacts.reachedPerson(attempt.outcome())) {
                n++;
            }
        }
        boolean asked = false;
        for (ThirdParty party : thirdParties) {
            if (party.id().equals(id)) {
                asked = party.requestedCallback();
                break;
            }
        }
        return new LocationContacts(id, n, asked);
    }
}
