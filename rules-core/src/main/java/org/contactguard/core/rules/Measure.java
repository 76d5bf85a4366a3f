package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;

/**
 * A count a pack declares and its rules name: which history entries count (channel, initiator,
 * recipient, outcome), per which subject (each account of the action, its contact point, or the
 * debtor), over which window (a rolling duration or a number of local calendar dates) and under
 * which cap. The engine computes one {@link Tally} per subject and moment from it; "N calls in D
 * days per debt" for a new jurisdiction is therefore a declaration in {@code pack.properties} and a
 * rule, with no new Java.
 *
 * <p>Declared as one line of clauses, in any order, each naming a constant or a parameter:
 * <pre>
 * measure.placedCalls = channel CALL, initiatedBy COLLECTOR, connected, per account, within callWindow, cap callCap
 * </pre>
 * {@code within} names a {@link Duration} parameter (a rolling window that ends at the moment: an
 * entry exactly one window-length before has left it) or an {@code int} parameter counted in local
 * calendar dates in the debtor's first zone (the moment's date and the dates before it).
 *
 * <p>Two packs that declare the same measure share its tallies within a moment: a measure is
 * computed at most once per moment however many rules of however many packs ask (records compare
 * by value, names included).
 *
 * @param name the declared name, as rules write it ({@code Tally(measure == "placedCalls")})
 * @param channel only entries in this channel; null: any
 * @param initiatedBy only entries started by this side; null: either
 * @param recipient only entries with this recipient; null: anyone
 * @param connectedOnly only entries that reached the number or address (not BUSY, NOT_IN_SERVICE, FAILED)
 * @param outcome only entries with this outcome; null: any
 * @param per what each tally counts for
 * @param rolling the rolling window's length, or null when the window is counted in dates
 * @param days the number of local calendar dates in the window, when {@code rolling} is null
 * @param cap the cap's value
 * @param filter the further clauses ({@code channel CALL|SMS}, {@code unprompted}, {@code jurisdiction US-MA}, ...)
 */
public record Measure(String name, Channel channel, Initiator initiatedBy, Recipient recipient, boolean connectedOnly,
        Outcome outcome, Per per, Duration rolling, int days, int cap, MeasureFilter filter) {

    /** What a measure counts for: one tally per subject. */
    public enum Per {
        /** Each account the action is about; entries about that account. */
        ACCOUNT,
        /** The action's contact point; entries to the same number or address. */
        CONTACT_POINT,
        /** The debtor; every entry. */
        DEBTOR
    }

    public Measure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(filter, "filter");
        if (rolling == null && days <= 0) {
            throw new IllegalArgumentException("measure " + name + ": a window needs a duration or a positive number of dates");
        }
    }

    /** A measure with no clause beyond the named ones ({@link MeasureFilter#NONE}). */
    public Measure(String name, Channel channel, Initiator initiatedBy, Recipient recipient, boolean connectedOnly,
            Outcome outcome, Per per, Duration rolling, int days, int cap) {
        this(name, channel, initiatedBy, recipient, connectedOnly, outcome, per, rolling, days, cap, MeasureFilter.NONE);
    }

    /** Whether {@code entry} is of the kind this measure counts (subject and window aside). */
    boolean counts(ContactAttempt entry, ContactHistory history) {
        return (channel == null || entry.channel() == channel)
                && (initiatedBy == null || entry.initiatedBy() == initiatedBy)
                && (recipient == null || entry.recipient() == recipient)
                && (outcome == null || entry.outcome() == outcome)
                && (!connectedOnly || entry.connectedToNumber())
                && (filter == MeasureFilter.NONE || filter.accepts(entry, history));
    }

    /**
     * The tallies at {@code history.now()} for {@code action}'s subjects, as
     * {@link #tally(ProposedAction, String, ContactHistory, List)}, limited by a {@code jurisdiction}
     * clause: {@code per account}, only the accounts that jurisdiction's law governs
     * ({@link GoverningLaw}: the account's own jurisdiction, or the debtor's residence for every
     * account); {@code per contactPoint} and {@code per debtor}, none at all when it governs no
     * account of the action.
     *
     * @param accounts the request's accounts
     */
    public List<Tally> tally(ProposedAction action, Debtor debtor, List<Account> accounts, ContactHistory history) {
        if (filter.jurisdiction() == null) {
            return tally(action, debtor.id(), history, debtor.timeZones());
        }
        List<GoverningLaw> governed = GoverningLaw.of(List.of(filter.jurisdiction()), action, debtor, accounts);
        if (governed.isEmpty()) {
            return List.of();
        }
        List<Tally> all = tally(action, debtor.id(), history, debtor.timeZones());
        if (per != Per.ACCOUNT) {
            return all;
        }
        List<Tally> kept = new ArrayList<>(governed.size());
        for (Tally tally : all) {
            for (GoverningLaw law : governed) {
                if (law.accountId().equals(tally.subject())) {
                    kept.add(tally);
                    break;
                }
            }
        }
        return kept;
    }

    /**
     * The tallies at {@code history.now()} for {@code action}'s subjects: one per account of the
     * action (in its order, each once), one for its contact point (none when it has none), or one
     * for the debtor {@code debtorId}. A {@code jurisdiction} clause is not applied here (see the
     * overload that takes the request's accounts).
     */
    public List<Tally> tally(ProposedAction action, String debtorId, ContactHistory history, List<ZoneId> zones) {
        Instant now = history.now();
        ZoneId zone = CalendarDays.countingZone(zones);
        List<ContactAttempt> inWindow = inWindow(history, now, zone);
        switch (per) {
            case DEBTOR:
                return List.of(tally(debtorId, inWindow, now, zone));
            case CONTACT_POINT: {
                if (action.contactPoint() == null) {
                    return List.of();
                }
                String point = action.contactPoint().id();
                List<ContactAttempt> same = new ArrayList<>();
                for (ContactAttempt entry : inWindow) {
                    if (entry.contactPoint() != null && point.equals(entry.contactPoint().id())) {
                        same.add(entry);
                    }
                }
                return List.of(tally(point, same, now, zone));
            }
            default: {
                List<String> accounts = action.accountIds();
                List<Tally> tallies = new ArrayList<>(accounts.size());
                for (int i = 0; i < accounts.size(); i++) {
                    String account = accounts.get(i);
                    if (accounts.indexOf(account) < i) {
                        continue;
                    }
                    List<ContactAttempt> about = new ArrayList<>();
                    for (ContactAttempt entry : inWindow) {
                        if (entry.isAbout(account)) {
                            about.add(entry);
                        }
                    }
                    tallies.add(tally(account, about, now, zone));
                }
                return tallies;
            }
        }
    }

    /** The counted entries inside the window ending at {@code now}, oldest first. */
    private List<ContactAttempt> inWindow(ContactHistory history, Instant now, ZoneId zone) {
        // Entries are oldest first: the scan starts at the window's start, found by binary search,
        // and stops at now, so a long history costs what the window holds, not its length.
        List<ContactAttempt> entries = history.attempts();
        List<ContactAttempt> counted = new ArrayList<>();
        if (rolling != null) {
            Instant start = now.minus(rolling);
            for (int i = history.indexAfter(start); i < entries.size(); i++) {
                ContactAttempt entry = entries.get(i);
                if (!entry.at().isBefore(now)) {
                    break;
                }
                if (counts(entry, history)) {
                    counted.add(entry);
                }
            }
        } else if (days > 0) {
            CalendarDays.DateWindow window = CalendarDays.window(now, zone, days);
            for (int i = history.indexAfter(window.before()); i < entries.size(); i++) {
                ContactAttempt entry = entries.get(i);
                if (!entry.at().isBefore(now)) {
                    break;
                }
                if (window.contains(entry.at()) && counts(entry, history)) {
                    counted.add(entry);
                }
            }
        }
        return counted;
    }

    private Tally tally(String subject, List<ContactAttempt> counted, Instant now, ZoneId zone) {
        List<Instant> moments = new ArrayList<>(counted.size());
        for (ContactAttempt entry : counted) {
            moments.add(entry.at());
        }
        return new Tally(name, subject, moments.size(), cap, rolling != null ? rolling : Duration.ofDays(days),
                reopensAt(moments, now, zone), moments);
    }

    /** When fewer than {@link #cap} of {@code moments} (oldest first) remain in the window. */
    private Instant reopensAt(List<Instant> moments, Instant now, ZoneId zone) {
        if (cap <= 0) {
            return null;
        }
        if (moments.size() < cap) {
            return now;
        }
        // Once the oldest (size - cap + 1) have left, fewer than cap remain; the last of them decides.
        Instant last = moments.get(moments.size() - cap);
        return rolling != null ? last.plus(rolling) : CalendarDays.leavesWindowAt(last, zone, days);
    }
}
