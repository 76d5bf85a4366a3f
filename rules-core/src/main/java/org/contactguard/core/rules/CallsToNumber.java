package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;

/**
 * The calls the collector placed to the action's number or address before the evaluated moment:
 * engine-built, one per moment when the action has a contact point, so that a daily cap per number
 * and a redial gap are plain patterns:
 * <pre>{@code CallsToNumber(unansweredToday(cn.zone) >= cn.unansweredPerContactPointPerDay)}</pre>
 * It counts; whether the count matters is the rule's.
 *
 * <p>An attempt "did not reach a person" (unanswered) when it rang out, reached voicemail, was busy,
 * not in service or failed, or its outcome is not known yet: an unknown outcome counts on the side
 * that makes a cap on unanswered attempts stricter (China's CBA guideline counts "未接通" attempts).
 *
 * @param contactPointId the action's contact point id
 * @param at the evaluated moment
 * @param lastCallAt the last such call, or null when there was none
 * @param unanswered the moments of those calls that did not reach a person, oldest first
 */
public record CallsToNumber(String contactPointId, Instant at, Instant lastCallAt, List<Instant> unanswered) {

    public CallsToNumber {
        Objects.requireNonNull(contactPointId, "contactPointId");
        Objects.requireNonNull(at, "at");
        unanswered = List.copyOf(unanswered);
    }

    /** The calls to {@code action}'s contact point in {@code history} (seen from its now); empty without a contact point. */
    public static List<CallsToNumber> of(ProposedAction action, ContactHistory history) {
        if (action.contactPoint() == null) {
            return List.of();
        }
        String point = action.contactPoint().id();
        Instant now = history.now();
        Instant last = null;
        List<Instant> unanswered = new ArrayList<>();
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(now) && attempt.channel() == Channel.CALL
                    && attempt.initiatedBy() == Initiator.COLLECTOR && attempt.contactPoint() != null
                    && point.equals(attempt.contactPoint().id())) {
                last = attempt.at();
                if (unanswered(attempt.outcome())) {
                    unanswered.add(attempt.at());
                }
            }
        }
        return List.of(new CallsToNumber(point, now, last, unanswered));
    }

    static boolean unanswered(Outcome outcome) {
        return outcome == null || switch (outcome) {
            case NO_ANSWER, VOICEMAIL, BUSY, NOT_IN_SERVICE, FAILED -> true;
            default -> false;
        };
    }

    /** Unanswered calls earlier on the moment's local date in {@code zone}. */
    public int unansweredToday(ZoneId zone) {
        int n = 0;
        for (Instant call : unanswered) {
            if (CalendarDays.inWindow(call, at, zone, 1)) {
                n++;
            }
        }
        return n;
    }

    /** True when the last call was less than {@code gap} before the moment. */
    public boolean calledWithin(Duration gap) {
        return lastCallAt != null && lastCallAt.plus(gap).isAfter(at);
    }
}
