package org.contactguard.core.rules;

import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ThirdParty;

/** What the history says about a third party: whether they refused further contact. */
public final class ThirdPartyContacts {

    private ThirdPartyContacts() {
    }

    /**
     * True when {@code thirdParty} refused contact or asked not to be contacted before now: its
     * {@code refusedContactAt} is not after now, or a past contact with it ended REFUSED.
     */
    public static boolean refused(ContactHistory history, ThirdParty thirdParty) {
        if (thirdParty.refusedContactAt() != null && !thirdParty.refusedContactAt().isAfter(history.now())) {
            return true;
        }
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(history.now()) && thirdParty.id().equals(attempt.thirdPartyId())
                    && attempt.outcome() == Outcome.REFUSED) {
                return true;
            }
        }
        return false;
    }
}
