package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;

/**
 * The calls this collector placed to the proposed contact's number, whoever answered and about
 * whichever debt: engine-built once per moment, for the rebuttal advisories of Regulation F
 * 1006.14(b)(2)(ii) (rapid redials, many calls to one number in a day). It computes; which outcomes
 * make a redial "rapid" and how many calls a day are "many" are the rules'.
 *
 * @param contactPointId the proposed contact's number; null when it has none (then nothing is counted)
 * @param callsTodayIncludingThis calls placed to the number earlier on the moment's local date (in
 *     the debtor's first zone, UTC when none is known), plus the proposed one; 0 without a number
 * @param lastCallAt the last call placed to the number before the moment; null when none
 * @param lastCallOutcome that call's outcome; null when there is none or it is not known
 * @param sinceLastCall how long before the moment that call was placed; null when there is none
 */
public record RecentCallsToNumber(String contactPointId, int callsTodayIncludingThis, Instant lastCallAt,
        Outcome lastCallOutcome, Duration sinceLastCall) {

    /** The calls to {@code action}'s number, as seen at {@code action.at()}. */
    public static RecentCallsToNumber of(ProposedAction action, Debtor debtor, Collector collector, ContactHistory history) {
        Objects.requireNonNull(action, "action");
        if (action.contactPoint() == null) {
            return new RecentCallsToNumber(null, 0, null, null, null);
        }
        String number = action.contactPoint().id();
        ZoneId zone = CalendarDays.countingZone(debtor.timeZones());
        CalendarDays.DateWindow today = CalendarDays.window(action.at(), zone, 1);
        int n = 1;
        ContactAttempt last = null;
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.channel() == Channel.CALL && attempt.initiatedBy() == Initiator.COLLECTOR
                    && ownCall(attempt, collector.id()) && attempt.contactPoint() != null
                    && attempt.contactPoint().id().equals(number)) {
                if (today.contains(attempt.at())) {
                    n++;
                }
                if (attempt.at().isBefore(action.at())) {
                    last = attempt;
                }
            }
        }
        return last == null ? new RecentCallsToNumber(number, n, null, null, null)
                : new RecentCallsToNumber(number, n, last.at(), last.outcome(), Duration.between(last.at(), action.at()));
    }

    private static boolean ownCall(ContactAttempt attempt, String collectorId) {
        return attempt.collectorId() == null || collectorId == null || attempt.collectorId().equals(collectorId);
    }
}
