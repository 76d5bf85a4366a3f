package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Recipient;

/**
 * Counts over the contact history per calendar day of one zone (China counts "当天" on the Beijing
 * calendar day), plus the gap since the last call to a number. The day is the local date of
 * {@link ContactHistory#now()}; only entries strictly before now count.
 *
 * <p>An attempt whose outcome is not known yet counts on whichever side makes the cap stricter:
 * as unanswered for the unanswered-attempt cap and as a conversation for the conversation cap.
 */
public final class LocalDayCounts {

    private LocalDayCounts() {
    }

    /** The local date of {@code moment} in {@code zone}. */
    public static LocalDate day(Instant moment, ZoneId zone) {
        return moment.atZone(zone).toLocalDate();
    }

    /** The start of the local day after {@code moment}'s day in {@code zone}: when a daily cap resets. */
    public static Instant nextDayStart(Instant moment, ZoneId zone) {
        return CalendarDays.leavesWindowAt(moment, zone, 1);
    }

    /** The start of the local day after {@code history.now()}'s day. */
    public static Instant nextDayStart(ContactHistory history, ZoneId zone) {
        return nextDayStart(history.now(), zone);
    }

    /**
     * Whether an attempt did not reach a person: rang out, voicemail, busy, not in service,
     * failed, or outcome not known yet.
     */
    public static boolean unanswered(ContactAttempt attempt) {
        Outcome outcome = attempt.outcome();
        return outcome == null || switch (outcome) {
            case NO_ANSWER, VOICEMAIL, BUSY, NOT_IN_SERVICE, FAILED -> true;
            default -> false;
        };
    }

    /**
     * Collector-placed calls to contact point {@code contactPointId} earlier on the same local day
     * that did not reach a person ({@link #unanswered}).
     */
    public static int unansweredCallsToday(ContactHistory history, String contactPointId, ZoneId zone) {
        if (contactPointId == null) {
            return 0;
        }
        int n = 0;
        // One date window ending today: the same local day, before now, without a LocalDate per attempt.
        CalendarDays.DateWindow today = CalendarDays.window(history.now(), zone, 1);
        for (ContactAttempt attempt : history.attempts()) {
            if (today.contains(attempt.at()) && attempt.channel() == Channel.CALL
                    && attempt.initiatedBy() == Initiator.COLLECTOR && attempt.contactPoint() != null
                    && contactPointId.equals(attempt.contactPoint().id()) && unanswered(attempt)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Collector-initiated calls to the debtor earlier on the same local day in which a conversation
     * took place (outcome CONNECTED, or not known yet), automated voice included.
     */
    public static int conversationsToday(ContactHistory history, ZoneId zone) {
        int n = 0;
        CalendarDays.DateWindow today = CalendarDays.window(history.now(), zone, 1);
        for (ContactAttempt attempt : history.attempts()) {
            if (today.contains(attempt.at()) && attempt.channel() == Channel.CALL
                    && attempt.initiatedBy() == Initiator.COLLECTOR && attempt.recipient() == Recipient.DEBTOR
                    && (attempt.outcome() == null || attempt.outcome() == Outcome.CONNECTED)) {
                n++;
            }
        }
        return n;
    }

    /** The last collector-placed call to {@code contactPointId} before now; null when there was none. */
    public static Instant lastCallTo(ContactHistory history, String contactPointId) {
        if (contactPointId == null) {
            return null;
        }
        Instant last = null;
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(history.now()) && attempt.channel() == Channel.CALL
                    && attempt.initiatedBy() == Initiator.COLLECTOR && attempt.contactPoint() != null
                    && contactPointId.equals(attempt.contactPoint().id())) {
                last = attempt.at();
            }
        }
        return last;
    }

    /** True when the last call to {@code contactPointId} was less than {@code gap} before now. */
    public static boolean calledWithin(ContactHistory history, String contactPointId, Duration gap) {
        Instant last = lastCallTo(history, contactPointId);
        return last != null && last.plus(gap).isAfter(history.now());
    }
}
