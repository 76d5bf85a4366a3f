package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

    private static final Comparator<ContactAttempt> BY_TIME = (a, b) -> a.at().compareTo(b.at());

    private final Instant now;
    private final List<ContactAttempt> attempts;
    /** {@code attempts}' times, oldest first, for binary search of a window's start. */
    private final Instant[] times;
    /**
     * The last count asked for: rules ask the same in a condition and again in its consequence.
     * One immutable record, so a history shared between threads never pairs a count with the
     * wrong question.
     */
    private Count lastCount;

    private record Count(AttemptFilter filter, Duration window, int count) {
    }

    private ContactHistory(Instant now, List<ContactAttempt> attemptsOldestFirst, Instant[] times) {
        this.now = now;
        this.attempts = attemptsOldestFirst;
        this.times = times;
    }

    /** The history as seen at {@code now}, from entries in any order. */
    public static ContactHistory of(Instant now, List<ContactAttempt> attempts) {
        Objects.requireNonNull(now, "now");
        ContactAttempt[] sorted = attempts.toArray(new ContactAttempt[0]);
        // Histories usually come from a ledger already in time order, oldest or newest first:
        // one pass recognises both, and only other orders pay for a sort (stable, as before).
        if (!ascending(sorted)) {
            if (descendingStrictly(sorted)) {
                reverse(sorted);
            } else {
                sorted = sortedByTime(sorted);
            }
        }
        Instant[] times = new Instant[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            times[i] = sorted[i].at();
        }
        // The array is this method's own: a view of it, not a copy (a copy was a third of this method).
        return new ContactHistory(now, Collections.unmodifiableList(Arrays.asList(sorted)), times);
    }

    /** Seconds from the epoch within which a time in nanoseconds fits a long (years 1685 to 2255). */
    private static final long MAX_EPOCH_SECONDS = 9_000_000_000L;

    /**
     * The entries oldest first, entries with equal times in their given order (a stable sort):
     * sorting the times as primitive nanosecond counts is several times faster than comparing
     * Instants through a comparator, which mattered in the profile for long shuffled histories.
     */
    private static ContactAttempt[] sortedByTime(ContactAttempt[] attempts) {
        int n = attempts.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            Instant at = attempts[i].at();
            if (Math.abs(at.getEpochSecond()) > MAX_EPOCH_SECONDS) {
                ContactAttempt[] copy = attempts.clone();
                Arrays.sort(copy, BY_TIME);
                return copy;
            }
            keys[i] = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        }
        long[] sortedKeys = keys.clone();
        Arrays.sort(sortedKeys);
        // Each entry goes to the first slot of its time, after the entries with that time placed before it.
        int[] placed = new int[n];
        ContactAttempt[] sorted = new ContactAttempt[n];
        for (int i = 0; i < n; i++) {
            int first = firstAtLeast(sortedKeys, keys[i]);
            sorted[first + placed[first]++] = attempts[i];
        }
        return sorted;
    }

    private static int firstAtLeast(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static boolean ascending(ContactAttempt[] attempts) {
        for (int i = 1; i < attempts.length; i++) {
            if (attempts[i - 1].at().isAfter(attempts[i].at())) {
                return false;
            }
        }
        return true;
    }

    /** Strictly, so that reversing keeps entries with equal times in their given order, as a stable sort would. */
    private static boolean descendingStrictly(ContactAttempt[] attempts) {
        for (int i = 1; i < attempts.length; i++) {
            if (!attempts[i - 1].at().isAfter(attempts[i].at())) {
                return false;
            }
        }
        return true;
    }

    private static void reverse(ContactAttempt[] attempts) {
        for (int i = 0, j = attempts.length - 1; i < j; i++, j--) {
            ContactAttempt swap = attempts[i];
            attempts[i] = attempts[j];
            attempts[j] = swap;
        }
    }

    /** The same history seen from a later (or earlier) moment. */
    public ContactHistory at(Instant moment) {
        return new ContactHistory(Objects.requireNonNull(moment, "moment"), attempts, times);
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
        Count last = lastCount;
        if (last != null && last.filter().equals(filter) && last.window().equals(window)) {
            return last.count();
        }
        Instant start = now.minus(window);
        int n = 0;
        for (int i = firstAfter(start); i < times.length && times[i].isBefore(now); i++) {
            if (filter.matches(attempts.get(i))) {
                n++;
            }
        }
        lastCount = new Count(filter, window, n);
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
        for (int i = firstAfter(start); i < times.length && times[i].isBefore(now); i++) {
            if (filter.matches(attempts.get(i))) {
                inWindow.add(times[i]);
            }
        }
        if (inWindow.size() < cap) {
            return now;
        }
        // Dropping the oldest (size - cap + 1) entries brings the count under the cap; the last of
        // them leaves the window exactly one window-length after it happened.
        return inWindow.get(inWindow.size() - cap).plus(window);
    }

    /**
     * Index in {@link #attempts()} of the first entry strictly after {@code start}, {@link #size()}
     * when none is: where a scan of a window opening at {@code start} begins.
     */
    int indexAfter(Instant start) {
        return firstAfter(start);
    }

    /** Index of the first entry strictly after {@code start}: windows are rolling and open at the start. */
    private int firstAfter(Instant start) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid].isAfter(start)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
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
