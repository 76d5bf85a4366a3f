package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Outcome;

/**
 * The request's contact history as one fact, with the counts rules need, computed in Java.
 *
 * <p>Windows are rolling and end at {@link #now()}: an attempt counts in a window of length
 * {@code w} when it happened strictly after {@code now - w}. An attempt exactly {@code w} before
 * now has left the window.
 */
public final class ContactHistory {

    private static final Comparator<ContactAttempt> BY_TIME = Comparator.comparing(ContactAttempt::at);

    private final Instant now;
    private final List<ContactAttempt> attempts;

    private ContactHistory(Instant now, List<ContactAttempt> attemptsOldestFirst) {
        this.now = now;
        this.attempts = attemptsOldestFirst;
    }

    /** The history as seen at {@code now}, from entries in any order. */
    public static ContactHistory of(Instant now, List<ContactAttempt> attempts) {
        Objects.requireNonNull(now, "now");
        List<ContactAttempt> sorted = new ArrayList<>(attempts);
        sorted.sort(BY_TIME);
        return new ContactHistory(now, List.copyOf(sorted));
    }

    /** The same history seen from a later (or earlier) moment. */
    public ContactHistory at(Instant moment) {
        return new ContactHistory(Objects.requireNonNull(moment, "moment"), attempts);
    }

    /** The moment windows end at: the proposed action's time. */
    public Instant now() {
        return now;
    }

    /** All entries, oldest first. */
    public List<ContactAttempt> attempts() {
        return attempts;
    }

    /** Number of entries. */
    public int size() {
        return attempts.size();
    }

    /** Entries matching {@code filter} within the {@code window} that ends now. */
    public int count(AttemptFilter filter, Duration window) {
        Instant start = now.minus(window);
        int n = 0;
        for (ContactAttempt attempt : attempts) {
            if (attempt.at().isAfter(start) && attempt.at().isBefore(now) && filter.matches(attempt)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The earliest moment at which fewer than {@code cap} matching entries remain in the window,
     * assuming nothing else is recorded meanwhile; {@link #now()} when that is already so; null
     * when {@code cap} is 0 or less, since no moment brings a count under it.
     */
    public Instant reopensAt(AttemptFilter filter, Duration window, int cap) {
        if (cap <= 0) {
            return null;
        }
        Instant start = now.minus(window);
        List<Instant> inWindow = new ArrayList<>();
        for (ContactAttempt attempt : attempts) {
            if (attempt.at().isAfter(start) && attempt.at().isBefore(now) && filter.matches(attempt)) {
                inWindow.add(attempt.at());
            }
        }
        if (inWindow.size() < cap) {
            return now;
        }
        // Dropping the oldest (size - cap + 1) entries brings the count under the cap; the last of
        // them leaves the window exactly one window-length after it happened.
        return inWindow.get(inWindow.size() - cap).plus(window);
    }

    /** Calls the collector placed about {@code accountId} within {@code window} that connected to the number. */
    public int placedCalls(String accountId, Duration window) {
        return count(AttemptFilter.placedCalls(accountId), window);
    }

    /** When {@link #placedCalls} falls below {@code cap}. */
    public Instant placedCallsReopenAt(String accountId, Duration window, int cap) {
        return reopensAt(AttemptFilter.placedCalls(accountId), window, cap);
    }

    /**
     * The last conversation about {@code accountId} before now (an entry with outcome CONNECTED or
     * MET), by whichever side started it; null when there was none.
     */
    public Instant lastConversation(String accountId) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            ContactAttempt attempt = attempts.get(i);
            if (attempt.at().isBefore(now) && (attempt.outcome() == Outcome.CONNECTED || attempt.outcome() == Outcome.MET)
                    && attempt.isAbout(accountId)) {
                return attempt.at();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ContactHistory[now=" + now + ", attempts=" + attempts.size() + "]";
    }
}
