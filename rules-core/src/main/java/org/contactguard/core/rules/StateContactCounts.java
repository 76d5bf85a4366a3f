package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.ContactPoint;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;

/**
 * The counts the US state and city overlays compare with their caps (Massachusetts, Washington,
 * New York City), in calendar dates of the debtor's first zone like the federal pack
 * ({@link CalendarDays}). Each method says what it counts; contacts a collector makes in response to
 * the debtor (purpose RESPONSE answering an earlier debtor contact in the same channel, see
 * {@link ConsumerContacts#respondsToDebtor}) and contacts the debtor started are never counted.
 */
public final class StateContactCounts {

    /** Contacts counted in a window of dates, and when the count falls under a cap. */
    public record WindowCount(String what, List<Instant> counted, Instant now, ZoneId zone, int days) {

        public WindowCount {
            counted = List.copyOf(counted);
        }

        public int getCount() {
            return counted.size();
        }

        public Instant reopensAt(int cap) {
            return CalendarDays.reopensAt(counted, now, zone, days, cap);
        }

        public String describe(int cap) {
            return counted.size() + " " + what + " on the " + days + " local dates ending today (cap " + cap + ")";
        }
    }

    private StateContactCounts() {
    }

    /** A residence, cellular or other personal number (940 CMR 7.04(1)(f)): mobile or home phone. */
    public static boolean personalNumber(ContactPoint point) {
        return point != null && (point.kind() == ContactPointKind.MOBILE || point.kind() == ContactPointKind.HOME_PHONE);
    }

    /** Reached at work: the place is WORK or the number is a work phone. */
    public static boolean atWork(ProposedAction action) {
        return action.place() == Place.WORK
                || (action.contactPoint() != null && action.contactPoint().kind() == ContactPointKind.WORK_PHONE);
    }

    /**
     * Massachusetts (940 CMR 7.04(1)(f), 209 CMR 18.16(1)(d)): calls and texts the collector
     * initiated to the debtor about {@code accountId}, to a personal number ({@code personal}) or
     * to any other number. A call counts if it reached a person or a voicemail that could take a
     * message (Watkins v. Glenn Associates), or its outcome is unknown; one that rang out, was
     * busy, not in service or failed does not (AG guidance: truly unable to reach). A text counts
     * unless it failed.
     */
    public static WindowCount massachusetts(ProposedAction action, Debtor debtor, ContactHistory history,
            String accountId, boolean personal, int days) {
        ZoneId zone = CalendarDays.countingZone(debtor.timeZones());
        List<Instant> counted = new ArrayList<>();
        CalendarDays.DateWindow window = CalendarDays.window(action.at(), zone, days);
        for (ContactAttempt a : history.attempts()) {
            if ((a.channel() == Channel.CALL || a.channel() == Channel.SMS) && collectorStarted(a, history)
                    && a.recipient() == Recipient.DEBTOR && a.isAbout(accountId)
                    && a.contactPoint() != null && personalNumber(a.contactPoint()) == personal
                    && initiatedCommunication(a) && window.contains(a.at())) {
                counted.add(a.at());
            }
        }
        return new WindowCount((personal ? "calls and texts to personal numbers about " : "calls and texts to"
                + " other numbers about ") + accountId, counted, action.at(), zone, days);
    }

    /**
     * Massachusetts (209 CMR 18.17(6)): visits about {@code accountId} in which a person was met, or
     * whose outcome is not known (fail closed, as for calls).
     */
    public static WindowCount massachusettsVisits(ProposedAction action, Debtor debtor, ContactHistory history,
            String accountId, int days) {
        ZoneId zone = CalendarDays.countingZone(debtor.timeZones());
        List<Instant> counted = new ArrayList<>();
        CalendarDays.DateWindow window = CalendarDays.window(action.at(), zone, days);
        for (ContactAttempt a : history.attempts()) {
            if (a.channel() == Channel.VISIT && collectorStarted(a, history) && a.isAbout(accountId)
                    && (a.outcome() == Outcome.MET || a.outcome() == null
                            || (a.visit() != null && a.visit().personContacted()))
                    && a.purpose() != Purpose.REPOSSESSION
                    && window.contains(a.at())) {
                counted.add(a.at());
            }
        }
        return new WindowCount("visits with a person met about " + accountId, counted, action.at(), zone, days);
    }

    /**
     * Massachusetts (209 CMR 18.16(1)(c)): whether a no-contact-at-work request is in force at the
     * action. A written request is; an oral one for {@code oralValidity} from {@code since}, or for
     * as long as the restriction lasts when it was confirmed in writing within {@code confirmWithin}.
     * A request with no start is taken as in force (fail closed).
     */
    public static boolean workRequestInForce(Restriction request, Instant at, Duration oralValidity,
            Duration confirmWithin) {
        if (!request.activeAt(at)) {
            return false;
        }
        if (request.written() || request.since() == null) {
            return true;
        }
        Instant confirmed = request.confirmedInWritingAt();
        if (confirmed != null && !confirmed.isAfter(request.since().plus(confirmWithin)) && confirmed.isBefore(at)) {
            return true;
        }
        return at.isBefore(request.since().plus(oralValidity));
    }

    /** When an oral work request stops being in force, or null when it does not lapse on its own. */
    public static Instant workRequestLapsesAt(Restriction request, Duration oralValidity, Duration confirmWithin) {
        if (request.written() || request.since() == null || (request.confirmedInWritingAt() != null
                && !request.confirmedInWritingAt().isAfter(request.since().plus(confirmWithin)))) {
            return request.until();
        }
        return request.since().plus(oralValidity);
    }

    /**
     * Washington (RCW 19.16.250): communications the collector started with the debtor or the
     * debtor's spouse that reached them (a conversation, a meeting, a delivered message, a refusal,
     * a voicemail with a message left, or an unknown outcome), any medium but letters; only those
     * at work when {@code atWorkOnly}.
     */
    public static WindowCount washington(ProposedAction action, Debtor debtor, ContactHistory history,
            boolean atWorkOnly, int days) {
        ZoneId zone = CalendarDays.countingZone(debtor.timeZones());
        List<Instant> counted = new ArrayList<>();
        CalendarDays.DateWindow window = CalendarDays.window(action.at(), zone, days);
        for (ContactAttempt a : history.attempts()) {
            if (a.channel() != Channel.LETTER && collectorStarted(a, history)
                    && (a.recipient() == Recipient.DEBTOR || a.recipient() == Recipient.SPOUSE)
                    && (ConsumerContacts.reachedPerson(a.outcome()) || a.messageLeft())
                    && (!atWorkOnly || a.place() == Place.WORK
                            || (a.contactPoint() != null && a.contactPoint().kind() == ContactPointKind.WORK_PHONE))
                    && window.contains(a.at())) {
                counted.add(a.at());
            }
        }
        return new WindowCount(atWorkOnly ? "communications at work" : "communications with the debtor or spouse",
                counted, action.at(), zone, days);
    }

    /**
     * New York City (6 RCNY 5-77): contacts and attempts the collector started with the debtor
     * about {@code accountId}, in any medium but letters, whatever their outcome.
     */
    public static WindowCount newYorkCity(ProposedAction action, Debtor debtor, ContactHistory history,
            String accountId, int days) {
        ZoneId zone = CalendarDays.countingZone(debtor.timeZones());
        List<Instant> counted = new ArrayList<>();
        CalendarDays.DateWindow window = CalendarDays.window(action.at(), zone, days);
        for (ContactAttempt a : history.attempts()) {
            if (a.channel() != Channel.LETTER && collectorStarted(a, history) && a.recipient() == Recipient.DEBTOR
                    && a.isAbout(accountId) && window.contains(a.at())) {
                counted.add(a.at());
            }
        }
        return new WindowCount("contacts and attempts about " + accountId, counted, action.at(), zone, days);
    }

    private static boolean collectorStarted(ContactAttempt a, ContactHistory history) {
        return a.initiatedBy() == Initiator.COLLECTOR && !ConsumerContacts.respondsToDebtor(a, history);
    }

    private static boolean initiatedCommunication(ContactAttempt a) {
        if (a.outcome() == null) {
            return true;
        }
        if (a.channel() == Channel.SMS) {
            return a.outcome() != Outcome.FAILED && a.outcome() != Outcome.NOT_IN_SERVICE;
        }
        return switch (a.outcome()) {
            case CONNECTED, VOICEMAIL, REFUSED, DELIVERED, MET -> true;
            default -> false;
        };
    }
}
