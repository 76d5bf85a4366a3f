package org.contactguard.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Recipient;

/**
 * Whether the debtor is "失联" (cannot be reached) at {@link ContactHistory#now()}, the condition
 * under which Chinese guidance lets a collector contact anyone else. Only the history since the
 * debtor was last reached counts: a conversation with the debtor (outcome CONNECTED, MET or
 * REFUSED, by either side) or any contact the debtor started ends 失联. Counted on calendar days of {@code zone}.
 *
 * <p>The debtor is lost when any of these holds:
 * <ol>
 *   <li>every number the debtor was ever called at was last called after the debtor was last
 *       reached, and that call ended NOT_IN_SERVICE;</li>
 *   <li>at least {@code failedCalls} collector calls to the debtor failed since the debtor was last
 *       reached, and the {@code failedCalls}-th of them happened on an earlier day than now
 *       ("连续三次未接通, 次日起");</li>
 *   <li>each of the {@code unreachableDays} days before today had at least one collector call to the
 *       debtor, all since the debtor was last reached ("连续三日无法联系").</li>
 * </ol>
 * A call whose outcome is not known yet counts as having reached the debtor, so an unknown
 * outcome never opens third-party contact.
 */
public final class LostContact {

    private LostContact() {
    }

    /** Whether the attempt shows the debtor was reached. */
    static boolean reached(ContactAttempt attempt) {
        Outcome outcome = attempt.outcome();
        return outcome == null || outcome == Outcome.CONNECTED || outcome == Outcome.MET || outcome == Outcome.REFUSED;
    }

    /** True when the debtor is lost at {@code history.now()} by any of the three triggers. */
    public static boolean isLost(ContactHistory history, ZoneId zone, int failedCalls, int unreachableDays) {
        return trigger(history, zone, failedCalls, unreachableDays) != null;
    }

    /** Which trigger makes the debtor lost ("number out of service", ...), or null when none does. */
    public static String trigger(ContactHistory history, ZoneId zone, int failedCalls, int unreachableDays) {
        Instant now = history.now();
        Instant lastReached = null;
        List<ContactAttempt> callsToDebtor = new ArrayList<>();
        for (ContactAttempt attempt : history.attempts()) {
            if (!attempt.at().isBefore(now) || attempt.recipient() != Recipient.DEBTOR) {
                continue;
            }
            boolean debtorStarted = attempt.initiatedBy() == Initiator.DEBTOR;
            if (debtorStarted || (reached(attempt) && (attempt.channel() == Channel.CALL
                    || attempt.channel() == Channel.VISIT || attempt.outcome() != null))) {
                lastReached = attempt.at();
            }
            if (attempt.channel() == Channel.CALL && attempt.initiatedBy() == Initiator.COLLECTOR) {
                callsToDebtor.add(attempt);
            }
        }
        if (numbersOutOfService(callsToDebtor, lastReached)) {
            return "every number of the debtor is out of service";
        }
        List<ContactAttempt> failedSince = new ArrayList<>();
        for (ContactAttempt call : callsToDebtor) {
            if ((lastReached == null || call.at().isAfter(lastReached)) && !reached(call)) {
                failedSince.add(call);
            }
        }
        LocalDate today = LocalDayCounts.day(now, zone);
        if (failedCalls > 0 && failedSince.size() >= failedCalls
                && LocalDayCounts.day(failedSince.get(failedCalls - 1).at(), zone).isBefore(today)) {
            return failedCalls + " calls failed since the debtor was last reached, the last of them before today";
        }
        if (unreachableDays > 0) {
            boolean everyDay = true;
            for (int d = 1; d <= unreachableDays && everyDay; d++) {
                LocalDate day = today.minusDays(d);
                everyDay = failedSince.stream().anyMatch(call -> LocalDayCounts.day(call.at(), zone).equals(day));
            }
            if (everyDay) {
                return "unreachable on each of the last " + unreachableDays + " days";
            }
        }
        return null;
    }

    private static boolean numbersOutOfService(List<ContactAttempt> callsToDebtor, Instant lastReached) {
        Map<String, ContactAttempt> latestByPoint = new LinkedHashMap<>();
        for (ContactAttempt call : callsToDebtor) {
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

    /**
     * The earliest moment from now on, checked at now and at each of the next local midnights up to
     * {@code max(failedCalls, unreachableDays) + 1} days ahead, at which the debtor is lost if
     * nothing else happens meanwhile; null when none is.
     */
    public static Instant lostFrom(ContactHistory history, ZoneId zone, int failedCalls, int unreachableDays) {
        Instant moment = history.now();
        int days = Math.max(failedCalls, unreachableDays) + 1;
        for (int d = 0; d <= days; d++) {
            if (isLost(history.at(moment), zone, failedCalls, unreachableDays)) {
                return moment;
            }
            moment = LocalDayCounts.nextDayStart(moment, zone);
        }
        return null;
    }
}
