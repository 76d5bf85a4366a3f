package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Recipient;

/**
 * How the collector's calls to the debtor went, before the evaluated moment: the conversations
 * (for a daily conversation cap) and what has happened since the debtor was last reached (the
 * inputs of China's 失联, "cannot be reached"). Engine-built, one per moment. It counts; how many
 * conversations are too many and which failures make the debtor 失联 are the rules'.
 *
 * <p>Counting conventions, from the contract's outcomes:
 * <ul>
 *   <li>a <em>conversation</em> is a collector call to the debtor that ended CONNECTED, or whose
 *       outcome is not known yet (it counts on the side that makes a cap stricter);</li>
 *   <li>the debtor was <em>reached</em> by any contact the debtor started, and by a contact with
 *       the debtor that ended CONNECTED, MET or REFUSED; a call or visit whose outcome is not known
 *       yet counts as reached too, so an unknown outcome never opens third-party contact. (A ledger
 *       reservation that expired is recorded as VOICEMAIL with no message and so counts as not
 *       reached, as before.)</li>
 * </ul>
 *
 * @param at the evaluated moment
 * @param conversations the moments of the collector's calls to the debtor that were conversations, oldest first
 * @param lastReachedAt when the debtor was last reached, or null when never
 * @param everyNumberOutOfService true when the debtor was called at one number or more and the last
 *     call to each of them came after the debtor was last reached and ended NOT_IN_SERVICE
 * @param failedSinceReached the moments of the collector's calls to the debtor after the debtor was
 *     last reached that did not reach the debtor, oldest first
 */
public record CallsToDebtor(Instant at, List<Instant> conversations, Instant lastReachedAt,
        boolean everyNumberOutOfService, List<Instant> failedSinceReached) {

    public CallsToDebtor {
        Objects.requireNonNull(at, "at");
        conversations = List.copyOf(conversations);
        failedSinceReached = List.copyOf(failedSinceReached);
    }

    /** The collector's calls to the debtor in {@code history}, seen from its now. */
    public static CallsToDebtor of(ContactHistory history) {
        Instant now = history.now();
        Instant lastReached = null;
        List<Instant> conversations = new ArrayList<>();
        List<ContactAttempt> calls = new ArrayList<>();
        for (ContactAttempt attempt : history.attempts()) {
            if (!attempt.at().isBefore(now) || attempt.recipient() != Recipient.DEBTOR) {
                continue;
            }
            if (attempt.initiatedBy() == Initiator.DEBTOR || (reached(attempt.outcome())
                    && (attempt.channel() == Channel.CALL || attempt.channel() == Channel.VISIT || attempt.outcome() != null))) {
                lastReached = attempt.at();
            }
            if (attempt.channel() == Channel.CALL && attempt.initiatedBy() == Initiator.COLLECTOR) {
                calls.add(attempt);
                if (attempt.outcome() == null || attempt.outcome() == Outcome.CONNECTED) {
                    conversations.add(attempt.at());
                }
            }
        }
        List<Instant> failed = new ArrayList<>();
        for (ContactAttempt call : calls) {
            if ((lastReached == null || call.at().isAfter(lastReached)) && !reached(call.outcome())) {
                failed.add(call.at());
            }
        }
        return new CallsToDebtor(now, conversations, lastReached, everyNumberOutOfService(calls, lastReached), failed);
    }

    static boolean reached(Outcome outcome) {
        return outcome == null || outcome == Outcome.CONNECTED || outcome == Outcome.MET || outcome == Outcome.REFUSED;
    }

    private static boolean everyNumberOutOfService(List<ContactAttempt> calls, Instant lastReached) {
        Map<String, ContactAttempt> latestByPoint = new LinkedHashMap<>();
        for (ContactAttempt call : calls) {
            if (call.contactPoint() != null) {
                latestByPoint.put(call.contactPoint().id(), call);
            }
        }
        if (latestByPoint.isEmpty()) {
            return false;
        }
        for (ContactAttempt latest : latestByPoint.values()) {
            if (latest.outcome() != Outcome.NOT_IN_SERVICE || (lastReached != null && !latest.at().isAfter(lastReached))) {
                return false;
            }
        }
        return true;
    }

    /** Conversations earlier on the moment's local date in {@code zone}. */
    public int conversationsToday(ZoneId zone) {
        int n = 0;
        for (Instant call : conversations) {
            if (CalendarDays.inWindow(call, at, zone, 1)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Failed calls since the debtor was last reached that lie before the local date {@code daysAhead}
     * dates after the moment's in {@code zone} ({@code 0}: before today; {@code 1}: before tomorrow,
     * which is all of them).
     */
    public int failedCallsBefore(ZoneId zone, int daysAhead) {
        LocalDate day = day(at, zone).plusDays(daysAhead);
        int n = 0;
        for (Instant call : failedSinceReached) {
            if (day(call, zone).isBefore(day)) {
                n++;
            }
        }
        return n;
    }

    /**
     * How many consecutive local dates in {@code zone}, ending the date before the one
     * {@code daysAhead} after the moment's ({@code 0}: ending yesterday; {@code 1}: ending today),
     * each had a failed call since the debtor was last reached.
     */
    public int failedDaysInARow(ZoneId zone, int daysAhead) {
        LocalDate day = day(at, zone).plusDays(daysAhead - 1L);
        int n = 0;
        while (hasFailureOn(day, zone)) {
            n++;
            day = day.minusDays(1);
        }
        return n;
    }

    private boolean hasFailureOn(LocalDate day, ZoneId zone) {
        for (Instant call : failedSinceReached) {
            if (day(call, zone).equals(day)) {
                return true;
            }
        }
        return false;
    }

    /** The start (local midnight) of the date {@code daysAhead} after the moment's in {@code zone}. */
    public Instant dayStart(ZoneId zone, int daysAhead) {
        return CalendarDays.leavesWindowAt(at, zone, daysAhead);
    }

    private static LocalDate day(Instant moment, ZoneId zone) {
        return moment.atZone(zone).toLocalDate();
    }
}
