package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;

/**
 * The debtor's contact that the proposed contact answers: present (engine-built, at most one per
 * moment) when the proposed contact is a {@code RESPONSE} to the debtor and the debtor's latest
 * contact in its channel before it has had no contact from the collector in that channel since. A
 * contact merely labelled RESPONSE with nothing to answer has no such fact. Which rule lets the one
 * response through (at that time, at that place, in an opted-out medium) is the rule's.
 *
 * @param debtorContactAt when the debtor's contact happened
 * @param debtorContactPlace where it reached the collector from ({@link org.contactguard.core.model.Contact#placeReached})
 * @param zones the debtor's zones
 * @param at the evaluated moment (the response's)
 */
public record ResponseToDebtor(Instant debtorContactAt, Place debtorContactPlace, List<ZoneId> zones, Instant at) {

    public ResponseToDebtor {
        Objects.requireNonNull(debtorContactAt, "debtorContactAt");
        Objects.requireNonNull(debtorContactPlace, "debtorContactPlace");
        zones = List.copyOf(zones);
        Objects.requireNonNull(at, "at");
    }

    /**
     * Whether some moment inside {@code [from, to)} in every zone lies between the debtor's contact
     * and the response: then they do not fall in the same stretch of time outside those hours (a
     * debtor who wrote at noon does not open 23:00 for the answer).
     */
    public boolean hoursOpenedSince(LocalTime from, LocalTime to) {
        Instant opened = new ActionTime(debtorContactAt, zones, at).nextWithinEveryZone(from, to);
        return opened != null && opened.isBefore(at);
    }

    /** The debtor contact {@code action} answers, or null when it answers none. */
    public static ResponseToDebtor of(ProposedAction action, ContactHistory history, List<ZoneId> zones) {
        if (action.purpose() != Purpose.RESPONSE || action.recipient() != Recipient.DEBTOR) {
            return null;
        }
        ContactAttempt debtorContact = null;
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(action.at()) && attempt.channel() == action.channel()) {
                if (attempt.initiatedBy() == Initiator.DEBTOR) {
                    debtorContact = attempt;
                } else if (attempt.initiatedBy() == Initiator.COLLECTOR) {
                    debtorContact = null;
                }
            }
        }
        return debtorContact == null ? null
                : new ResponseToDebtor(debtorContact.at(), debtorContact.placeReached(), zones, action.at());
    }
}
