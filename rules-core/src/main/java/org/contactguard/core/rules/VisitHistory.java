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
     * Whether a visit notice (purpose VISIT_NOTICE, to the debtor) about one of {@code accountIds} was
     * given at least {@code lead} before now: a notice exactly {@code lead} before now is enough.
     */
    public static boolean noticeGiven(ContactHistory history, List<String> accountIds, Duration lead) {
        Instant latestAllowed = history.now().minus(lead);
        for (ContactAttempt notice : notices(history, accountIds)) {
            if (!notice.at().isAfter(latestAllowed)) {
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
        Instant best = null;
        for (ContactAttempt notice : notices(history, accountIds)) {
            Instant ready = notice.at().plus(lead);
            if (best == null || ready.isBefore(best)) {
                best = ready;
            }
        }
        return best;
    }

    private static List<ContactAttempt> notices(ContactHistory history, List<String> accountIds) {
        List<ContactAttempt> notices = new ArrayList<>();
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(history.now()) && attempt.purpose() == Purpose.VISIT_NOTICE
                    && attempt.recipient() == Recipient.DEBTOR && accountIds.stream().anyMatch(attempt::isAbout)) {
                notices.add(attempt);
            }
        }
        return notices;
    }

    /** Whether a past visit met someone: {@code visit.personContacted}, or outcome MET or CONNECTED. */
    static boolean metSomeone(ContactAttempt attempt) {
        return attempt.channel() == Channel.VISIT && (attempt.visit() != null && attempt.visit().personContacted()
                || attempt.outcome() == Outcome.MET || attempt.outcome() == Outcome.CONNECTED);
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
