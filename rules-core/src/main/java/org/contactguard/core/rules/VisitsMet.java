package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;

/**
 * The past visits about one account of the action that met someone, before the evaluated moment:
 * engine-built, one per account of the action, so that a visit cap is a plain pattern:
 * <pre>{@code VisitsMet(within(cn.visitWindow) >= cn.visitMaxPerWindow)}</pre>
 * It counts; what the cap is and what lifts it are the rule's.
 *
 * <p>A visit met someone when its {@code visit.personContacted} is set or it ended MET, CONNECTED
 * or REFUSED (someone was met and refused to talk: the visit still reached a person). Rolling
 * windows end at the moment; a visit exactly one window-length before has left the window.
 *
 * @param accountId the account
 * @param at the evaluated moment
 * @param visits the moments of those visits, oldest first
 */
public record VisitsMet(String accountId, Instant at, List<Instant> visits) {

    public VisitsMet {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(at, "at");
        visits = List.copyOf(visits);
    }

    /** One per distinct account of {@code action}, in its order, from {@code history} seen from its now. */
    public static List<VisitsMet> of(ProposedAction action, ContactHistory history) {
        List<String> accounts = action.accountIds();
        List<VisitsMet> all = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            if (accounts.indexOf(account) < i) {
                continue;
            }
            List<Instant> visits = new ArrayList<>();
            for (ContactAttempt attempt : history.attempts()) {
                if (attempt.at().isBefore(history.now()) && attempt.isAbout(account) && metSomeone(attempt)) {
                    visits.add(attempt.at());
                }
            }
            all.add(new VisitsMet(account, history.now(), visits));
        }
        return all;
    }

    static boolean metSomeone(ContactAttempt attempt) {
        return attempt.channel() == Channel.VISIT && (attempt.visit() != null && attempt.visit().personContacted()
                || attempt.outcome() == Outcome.MET || attempt.outcome() == Outcome.CONNECTED
                || attempt.outcome() == Outcome.REFUSED);
    }

    /** Visits in the rolling {@code window} that ends at the moment. */
    public int within(Duration window) {
        return inWindow(window).size();
    }

    /**
     * The earliest moment at which fewer than {@code cap} visits remain in the rolling window; the
     * moment itself when that is already so; null when {@code cap} is 0 or less.
     */
    public Instant reopensAt(Duration window, int cap) {
        if (cap <= 0) {
            return null;
        }
        List<Instant> inWindow = inWindow(window);
        if (inWindow.size() < cap) {
            return at;
        }
        return inWindow.get(inWindow.size() - cap).plus(window);
    }

    /** The visits in the rolling {@code window}, oldest first. */
    public List<Instant> inWindow(Duration window) {
        Instant start = at.minus(window);
        List<Instant> in = new ArrayList<>();
        for (Instant visit : visits) {
            if (visit.isAfter(start)) {
                in.add(visit);
            }
        }
        return in;
    }
}
