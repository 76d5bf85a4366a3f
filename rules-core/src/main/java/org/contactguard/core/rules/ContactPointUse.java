package org.contactguard.core.rules;

import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;

/**
 * Whether the proposed contact's number or address was used to reach the collector, in the
 * proposed contact's channel, before the moment: engine-built once per moment. The electronic
 * rules decide what that use permits.
 *
 * @param contactPointId the proposed contact's number or address; null when it has none (then both are false)
 * @param usedByDebtor the debtor started a contact from it
 * @param usedByRecipient the proposed contact's recipient started one from it: the debtor, or (for
 *     a contact to a third party) that third party
 */
public record ContactPointUse(String contactPointId, boolean usedByDebtor, boolean usedByRecipient) {

    /** The use of {@code action}'s number or address, as seen at {@code action.at()}. */
    public static ContactPointUse of(ProposedAction action, ContactHistory history) {
        if (action.contactPoint() == null) {
            return new ContactPointUse(null, false, false);
        }
        String id = action.contactPoint().id();
        boolean byDebtor = false;
        boolean byThirdParty = false;
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(action.at()) && attempt.channel() == action.channel()
                    && attempt.contactPoint() != null && attempt.contactPoint().id().equals(id)) {
                if (attempt.initiatedBy() == Initiator.DEBTOR) {
                    byDebtor = true;
                } else if (attempt.initiatedBy() == Initiator.THIRD_PARTY && action.thirdPartyId() != null
                        && action.thirdPartyId().equals(attempt.thirdPartyId())) {
                    byThirdParty = true;
                }
            }
        }
        return new ContactPointUse(id, byDebtor, action.recipient() == Recipient.DEBTOR ? byDebtor : byThirdParty);
    }
}
