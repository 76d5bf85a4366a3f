package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;

/**
 * The prior notices of a visit given to the debtor about the action's accounts before the
 * evaluated moment: engine-built, one per moment, so that "a notice given at least this long and
 * less than that long before" is a plain pattern:
 * <pre>{@code VisitNotices(agedBetween(cn.visitNoticeLead, cn.visitNoticeMaxAge) == 0)}</pre>
 * It lists; whether a notice is needed, and how old it must be, is the rule's.
 *
 * <p>A notice is a history entry with purpose VISIT_NOTICE to the debtor about one of the action's
 * accounts that is known to have reached the debtor: DELIVERED (SMS, letter, email), a conversation
 * (CONNECTED, MET), or VOICEMAIL with a message left. One that rang out, was busy, failed, was
 * refused, found nobody home, or whose outcome is not recorded is not listed: the debtor may never
 * have heard of the visit.
 *
 * @param at the evaluated moment
 * @param notices the moments of the notices, oldest first
 */
public record VisitNotices(Instant at, List<Instant> notices) {

    public VisitNotices {
        Objects.requireNonNull(at, "at");
        notices = List.copyOf(notices);
    }

    /** The notices about {@code action}'s accounts in {@code history}, seen from its now. */
    public static VisitNotices of(ProposedAction action, ContactHistory history) {
        List<Instant> notices = new ArrayList<>();
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(history.now()) && attempt.purpose() == Purpose.VISIT_NOTICE
                    && attempt.recipient() == Recipient.DEBTOR && reached(attempt)
                    && action.accountIds().stream().anyMatch(attempt::isAbout)) {
                notices.add(attempt.at());
            }
        }
        return new VisitNotices(history.now(), notices);
    }

    static boolean reached(ContactAttempt notice) {
        Outcome outcome = notice.outcome();
        return outcome == Outcome.DELIVERED || outcome == Outcome.CONNECTED || outcome == Outcome.MET
                || (outcome == Outcome.VOICEMAIL && notice.messageLeft());
    }

    /**
     * Notices given at least {@code lead} and less than {@code maxAge} before the moment: one exactly
     * {@code lead} before counts, one exactly {@code maxAge} before does not (it has left the
     * rolling window).
     */
    public int agedBetween(Duration lead, Duration maxAge) {
        Instant latestAllowed = at.minus(lead);
        Instant staleAtOrBefore = at.minus(maxAge);
        int n = 0;
        for (Instant notice : notices) {
            if (!notice.isAfter(latestAllowed) && notice.isAfter(staleAtOrBefore)) {
                n++;
            }
        }
        return n;
    }

    /**
     * When the earliest notice given less than {@code lead} before the moment is {@code lead} old,
     * provided {@code maxAge} is longer than {@code lead}; null when there is no such notice (only a
     * new notice can help then).
     */
    public Instant maturesAt(Duration lead, Duration maxAge) {
        if (maxAge.compareTo(lead) <= 0) {
            return null;
        }
        Instant best = null;
        for (Instant notice : notices) {
            Instant ready = notice.plus(lead);
            if (ready.isAfter(at) && (best == null || ready.isBefore(best))) {
                best = ready;
            }
        }
        return best;
    }
}
