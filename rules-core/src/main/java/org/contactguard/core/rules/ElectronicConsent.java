package org.contactguard.core.rules;

import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.ProposedAction;

/**
 * An {@code ELECTRONIC} consent of the debtor valid at the evaluated moment for the action's
 * channel (a consent naming no channel is for every electronic channel): engine-built, one per such
 * consent, so that a rule states which consent a contact needs as a pattern,
 * {@code not ElectronicConsent(written, forAddress || forEveryAddress)}, instead of calling a helper.
 * Whether the consent is enough (written? for this number?) is the rule's.
 *
 * @param written whether the consent was given in writing
 * @param forAddress whether it names the action's number or address ({@code contactPointId})
 * @param forEveryAddress whether it names no number or address (every one in the channel, e.g. a
 *     social-media account)
 * @param consent the consent itself
 */
public record ElectronicConsent(boolean written, boolean forAddress, boolean forEveryAddress, Consent consent) {

    /** The debtor's ELECTRONIC consents valid at the action's moment for its channel, in their order. */
    public static List<ElectronicConsent> of(ProposedAction action, Debtor debtor) {
        List<Consent> electronic = debtor.consentsOf(ConsentKind.ELECTRONIC);
        if (electronic.isEmpty()) {
            return List.of();
        }
        List<ElectronicConsent> valid = new ArrayList<>(electronic.size());
        for (Consent consent : electronic) {
            if (consent.validAt(action.at()) && (consent.channel() == null || consent.channel() == action.channel())) {
                boolean forAddress = action.contactPoint() != null && consent.contactPointId() != null
                        && action.contactPoint().id().equals(consent.contactPointId());
                valid.add(new ElectronicConsent(consent.written(), forAddress, consent.contactPointId() == null, consent));
            }
        }
        return valid;
    }
}
