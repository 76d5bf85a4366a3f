package org.contactguard.core.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;

/**
 * The clauses of a measure declaration beyond one channel, initiator, recipient and outcome: what
 * the state overlays' counts need so that a new overlay is still a declaration with no Java. Each
 * field is one clause of {@code measure.<name> = ...} in {@code pack.properties}; an empty set or
 * false is "no restriction". The pack declares what counts (and cites why next to the line); this
 * record only applies it.
 *
 * @param channels {@code channel CALL|SMS} or {@code channel not LETTER}: only entries in these channels
 * @param recipients {@code recipient DEBTOR|SPOUSE}: only entries with these recipients
 * @param outcomes {@code outcome [CHANNEL] [not] A|B|unknown|messageLeft|personContacted}: every clause
 *     that applies to an entry's channel must accept it
 * @param contactPointKinds {@code contactPoint MOBILE|HOME_PHONE}: only entries to a number or address
 *     of these kinds; with {@code contactPointKindsExcluded}, {@code contactPoint not ...}: only entries
 *     to one of another kind (an entry with no contact point passes neither)
 * @param contactPointKindsExcluded whether {@code contactPointKinds} lists the kinds left out
 * @param atWork {@code atWork}: only entries at the place WORK or to a work phone
 * @param unprompted {@code unprompted}: only entries the collector started that did not answer the
 *     debtor's latest contact in their channel (the reply {@link ConsumerContacts#respondsToDebtor}
 *     recognises is left out)
 * @param purposesExcluded {@code purpose not REPOSSESSION}: entries with these purposes are left out
 * @param jurisdiction {@code jurisdiction US-MA}: the measure counts for the accounts of the action
 *     that this jurisdiction's law governs ({@link GoverningLaw}); null: every account
 */
public record MeasureFilter(Set<Channel> channels, Set<Recipient> recipients, List<OutcomeClause> outcomes,
        Set<ContactPointKind> contactPointKinds, boolean contactPointKindsExcluded, boolean atWork, boolean unprompted,
        Set<Purpose> purposesExcluded, String jurisdiction) {

    /** No clause beyond the measure's own fields. */
    public static final MeasureFilter NONE = new MeasureFilter(Set.of(), Set.of(), List.of(), Set.of(), false, false,
            false, Set.of(), null);

    public MeasureFilter {
        channels = Set.copyOf(channels);
        recipients = Set.copyOf(recipients);
        outcomes = List.copyOf(outcomes);
        contactPointKinds = Set.copyOf(contactPointKinds);
        purposesExcluded = Set.copyOf(purposesExcluded);
    }

    /**
     * One {@code outcome} clause: for entries in {@code channel} (null: every channel), the accepted
     * outcomes (or, when {@code excluded}, the refused ones).
     *
     * @param channel the channel it applies to; null: all
     * @param excluded whether the listed outcomes are the ones refused
     * @param outcomes listed outcomes
     * @param unknown whether {@code unknown} (no outcome recorded yet) is listed
     * @param messageLeft whether {@code messageLeft} (a voicemail with a message left) is listed
     * @param personContacted whether {@code personContacted} (a visit recording that a person was met) is listed
     */
    public record OutcomeClause(Channel channel, boolean excluded, Set<Outcome> outcomes, boolean unknown,
            boolean messageLeft, boolean personContacted) {

        public OutcomeClause {
            outcomes = outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
        }

        boolean listed(ContactAttempt entry) {
            return (entry.outcome() == null ? unknown : outcomes.contains(entry.outcome()))
                    || (messageLeft && entry.messageLeft())
                    || (personContacted && entry.visit() != null && entry.visit().personContacted());
        }

        boolean accepts(ContactAttempt entry) {
            return channel != null && entry.channel() != channel || listed(entry) != excluded;
        }
    }

    /** Whether {@code entry} passes every clause but the jurisdiction (which limits subjects, not entries). */
    boolean accepts(ContactAttempt entry, ContactHistory history) {
        if (!channels.isEmpty() && !channels.contains(entry.channel())) {
            return false;
        }
        if (!recipients.isEmpty() && !recipients.contains(entry.recipient())) {
            return false;
        }
        for (OutcomeClause clause : outcomes) {
            if (!clause.accepts(entry)) {
                return false;
            }
        }
        if (!contactPointKinds.isEmpty() && (entry.contactPoint() == null
                || contactPointKinds.contains(entry.contactPoint().kind()) == contactPointKindsExcluded)) {
            return false;
        }
        if (atWork && entry.place() != Place.WORK
                && (entry.contactPoint() == null || entry.contactPoint().kind() != ContactPointKind.WORK_PHONE)) {
            return false;
        }
        if (purposesExcluded.contains(entry.purpose())) {
            return false;
        }
        return !unprompted || (entry.initiatedBy() == Initiator.COLLECTOR
                && !ConsumerContacts.respondsToDebtor(entry, history));
    }
}
