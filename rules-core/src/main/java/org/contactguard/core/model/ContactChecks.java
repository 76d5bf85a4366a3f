package org.contactguard.core.model;

import static org.contactguard.core.model.Checks.distinctNonBlank;
import static org.contactguard.core.model.Checks.nonBlank;
import static org.contactguard.core.model.Checks.onlyWhen;
import static org.contactguard.core.model.Checks.orDefault;
import static org.contactguard.core.model.Checks.required;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The validation and defaults of the fields {@link ProposedAction} and {@link ContactAttempt} share,
 * written once so that the action and the history cannot drift apart.
 */
final class ContactChecks {

    /** Channels that cannot reach anyone without a number or address. */
    private static final Set<Channel> NEED_CONTACT_POINT =
            EnumSet.of(Channel.CALL, Channel.SMS, Channel.EMAIL, Channel.IM);

    private ContactChecks() {
    }

    /** Checks who is contacted, when and how; call first, as these come first in the record. */
    static void checkParties(
            Channel channel, Instant at, Recipient recipient, String thirdPartyId, ContactPoint contactPoint) {
        required(channel, "channel");
        required(at, "at");
        required(recipient, "recipient");
        if (recipient == Recipient.DEBTOR) {
            if (thirdPartyId != null) {
                throw new InvalidInputException("thirdPartyId", "is only allowed when recipient is not DEBTOR");
            }
        } else {
            if (thirdPartyId == null) {
                throw new InvalidInputException("thirdPartyId", "is required when recipient is " + recipient);
            }
            nonBlank(thirdPartyId, "thirdPartyId");
        }
        if (contactPoint == null && NEED_CONTACT_POINT.contains(channel)) {
            throw new InvalidInputException("contactPoint", "is required for channel " + channel);
        }
    }

    static List<String> accountIds(List<String> accountIds) {
        required(accountIds, "accountIds");
        List<String> copy = distinctNonBlank(accountIds, "accountIds", "id");
        if (copy.isEmpty()) {
            throw new InvalidInputException("accountIds", "must hold at least one id");
        }
        return copy;
    }

    static void checkVisit(Channel channel, VisitDetails visit) {
        if (channel == Channel.VISIT && visit == null) {
            throw new InvalidInputException("visit", "is required for channel VISIT");
        }
        onlyWhen(visit != null, channel == Channel.VISIT, "visit", "channel is VISIT");
    }

    /** A prerecorded or artificial voice is played on a call; on any other channel the flag contradicts the channel. */
    static void checkPrerecorded(Channel channel, boolean prerecorded) {
        onlyWhen(prerecorded, channel == Channel.CALL, "prerecorded", "channel is CALL");
    }

    static Place place(Place place) {
        return orDefault(place, Place.OTHER);
    }

    static Purpose purpose(Purpose purpose) {
        return orDefault(purpose, Purpose.COLLECTION);
    }

    static Initiator initiatedBy(Initiator initiatedBy) {
        return orDefault(initiatedBy, Initiator.COLLECTOR);
    }

    static Visibility visibility(Visibility visibility) {
        return orDefault(visibility, Visibility.PRIVATE);
    }
}
