package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;

/**
 * What the history says about in-person visits: prior notices and visits that met someone.
 * Only entries strictly before {@link ContactHistory#now()} count; rolling windows end at now and
 * an entry exactly one window-length before now has left the window.
 */
public final class VisitHistory {

    private VisitHistory() {
    }

    /**
     * Whether a visit notice (purpose VISIT_NOTICE, to the debtor, {@linkplain #noticeReached reached}
     * the debtor) about one of {@code accountIds} was given at least {@code lead} before now: a notice
     * exactly {@code lead} before now is enough. A notice of any age counts; see the overload with a
     * maximum age.
     */
    public static boolean noticeGiven(ContactHistory history, List<String> accountIds, Duration lead) {
        return noticeGiven(history, accountIds, lead, null);
    }

    /**
     * Whether a visit notice about one of {@code accountIds} that reached the debtor was given at
     * least {@code lead} and less than {@code maxAge} before now: a notice exactly {@code lead} before
     * now is enough, one exactly {@code maxAge} before now is stale (it has left the rolling window,
     * as in {@link ContactHistory}). {@code maxAge} null: no limit.
     */
    public static boolean noticeGiven(ContactHistory history, List<String> accountIds, Duration lead, Duration maxAge) {
        Instant latestAllowed = history.now().minus(lead);
        Instant staleAtOrBefore = maxAge == null ? null : history.now().minus(maxAge);
        for (ContactAttempt notice : notices(history, accountIds)) {
            if (!notice.at().isAfter(latestAllowed) && (staleAtOrBefore == null || notice.at().isAfter(staleAtOrBefore))) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the earliest notice given less than {@code lead} ago becomes old enough; null when no
     * notice was given (only a new notice can help).
     */
    public static Instant noticeMatures(ContactHistory history, List<String> accountIds, Duration lead) {
        return noticeMatures(history, accountIds, lead, null);
    }

    /**
     * When the earliest notice given less than {@code lead} ago becomes old enough, provided it is
     * still younger than {@code maxAge} then; null when there is no such notice (stale notices and
     * notices that did not reach the debtor cannot help: only a new notice can). {@code maxAge}
     * null: no limit.
     */
    public static Instant noticeMatures(ContactHistory history, List<String> accountIds, Duration lead, Duration maxAge) {
        if (maxAge != null && maxAge.compareTo(lead) <= 0) {
            return null;
        }
        Instant best = null;
        for (ContactAttempt notice : notices(history, accountIds)) {
            Instant ready = notice.at().plus(lead);
            if (ready.isAfter(history.now()) && (best == null || ready.isBefore(best))) {
                best = ready;
            }
        }
        return best;
    }

    /**
     * Whether a notice is known to have reached the debtor: DELIVERED (SMS, letter, email), a
     * conversation (CONNECTED, MET), or a voicemail with a message left. A notice that rang out, was
     * busy, failed, was refused, found nobody home, or whose outcome is not recorded does not count:
     * the debtor may never have heard of the visit.
     */
    static boolean noticeReached(ContactAttempt notice) {
        Outcome outcome = notice.outcome();
        return outcome == Outcome.DELIVERED || outcome == Outcome.CONNECTED || outcome == Outcome.MET
                || (outcome == Outcome.VOICEMAIL && notice.messageLeft());
    }

    private static List<ContactAttempt> notices(ContactHistory history, List<String> accountIds) {
        List<ContactAttempt> notices = new ArrayList<>();
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(history.now()) && attempt.purpose() == Purpose.VISIT_NOTICE
                    && attempt.recipient() == Recipient.DEBTOR && noticeReached(attempt)
                    && accountIds.stream().anyMatch(attempt::isAbout)) {
                notices.add(attempt);
            }
        }
        return notices;
    }

    /**
     * Whether a past visit met someone: {@code visit.personContacted}, or outcome MET, CONNECTED or
     * REFUSED (someone was met and refused to talk: the visit still reached a person).
     */
    static boolean metSomeone(ContactAttempt attempt) {
        return attempt.channel() == Channel.VISIT && (attempt.visit() != null && attempt.visit().personContacted()
                || attempt.outcome() == Outcome.MET || attempt.outcome() == Outcome.CONNECTED
                || attempt.outcome() == Outcome.REFUSED);
    }

    /** Visits about {@code accountId} that met someone within the rolling {@code window} ending now. */
    public static int visitsMet(ContactHistory history, String accountId, Duration window) {
        return times(history, accountId, window).size();
    }

    /**
     * The earliest moment at which fewer than {@code cap} such visits remain in the window; null
     * when {@code cap} is 0 or less.
     */
    public static Instant visitsMetReopenAt(ContactHistory history, String accountId, Duration window, int cap) {
        if (cap <= 0) {
            return null;
        }
        List<Instant> inWindow = times(history, accountId, window);
        if (inWindow.size() < cap) {
            return history.now();
        }
        return inWindow.get(inWindow.size() - cap).plus(window);
    }

    private static List<Instant> times(ContactHistory history, String accountId, Duration window) {
        Instant start = history.now().minus(window);
        List<Instant> times = new ArrayList<>();
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isAfter(start) && attempt.at().isBefore(history.now()) && attempt.isAbout(accountId)
                    && metSomeone(attempt)) {
                times.add(attempt.at());
            }
        }
        return times;
    }
}
