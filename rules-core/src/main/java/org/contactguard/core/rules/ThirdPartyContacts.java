package org.contactguard.core.rules;

import java.time.Instant;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.RestrictionKind;
import org.contactguard.core.model.ThirdParty;

/**
 * What the request says about a third party: whether they refused further contact, whether the
 * debtor consented to them being contacted, whether they stand in the debtor's place.
 */
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

    /**
     * True when the third party is not a "third party" for the China rules: tied to the debt
     * ({@code debtRelated}: a guarantor, a spouse where the loan paid family expenses), or the
     * executor of a debtor who has died (a DECEASED restriction active at {@code at}). An executor of
     * a living debtor is an ordinary third party.
     */
    public static boolean standsForTheDebt(ThirdParty thirdParty, Debtor debtor, Instant at) {
        if (thirdParty.debtRelated()) {
            return true;
        }
        return thirdParty.relation() == Recipient.EXECUTOR
                && debtor.restrictionsOf(RestrictionKind.DECEASED).stream().anyMatch(r -> r.activeAt(at));
    }

    /**
     * True when the debtor gave a {@code THIRD_PARTY_CONTACT} consent, valid at the action's moment,
     * that names the contact point the action uses ({@code contactPointId} equal to the action's
     * contact point) and, if it names a channel, the action's channel. A consent that names no
     * contact point names no one, and an action without a contact point (a visit) is not covered:
     * the contract's Consent has no third-party id, so the number or address is how a consent names
     * the person.
     */
    public static boolean debtorConsented(Debtor debtor, ProposedAction action) {
        if (action.contactPoint() == null) {
            return false;
        }
        for (Consent consent : debtor.consentsOf(ConsentKind.THIRD_PARTY_CONTACT)) {
            if (consent.validAt(action.at()) && action.contactPoint().id().equals(consent.contactPointId())
                    && (consent.channel() == null || consent.channel() == action.channel())) {
                return true;
            }
        }
        return false;
    }
}
