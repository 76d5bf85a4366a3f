package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.contactguard.core.model.Account;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Collector;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.Contact;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Product;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.ThirdParty;

/**
 * Telephone-call frequency as Regulation F 1006.14(b) counts it, per person and per debt, in
 * calendar dates of the debtor's first zone ({@link CalendarDays}).
 *
 * <ul>
 * <li>A person is the debtor, or one third party (by id): calls to the debtor's mobile, home and
 *     work numbers share one count.</li>
 * <li>A debt is an account, except that student loans with the same servicing account number are
 *     one debt (1006.14(b)(4)); a call about several debts counts for each.</li>
 * <li>Counted: calls this collector placed that connected to the dialled number (every outcome but
 *     BUSY, NOT_IN_SERVICE and FAILED; unknown counts).</li>
 * <li>Excluded from both presumptions: calls placed under the person's callback consent
 *     (1006.14(b)(3)(i)): the consent date is day 1 of at most {@code days} dates, it ends earlier
 *     at {@code validUntil}, and it is used up by the first conversation with the person after it
 *     was given. A third party's {@code requestedCallback} is such a consent; it carries no date, so
 *     it is taken as given at the earliest contact with that third party that reached them or that
 *     they started (day 1: the reading that excludes least), and with no such contact it excludes
 *     nothing (the seven-date limit of 1006.14(b)(3)(i) could not be checked).</li>
 * <li>A conversation (a CONNECTED call, or one whose outcome is not known, started by either side)
 *     with the person about a debt blocks placed calls about that debt on its date and the
 *     {@code days - 1} dates after.</li>
 * </ul>
 */
public final class PlacedCalls {

    /** The calls counted for one debt of the proposed call. */
    public record DebtCalls(String debt, List<String> accountIds, List<Instant> counted, Instant now, ZoneId zone,
            int days) {

        public DebtCalls {
            accountIds = List.copyOf(accountIds);
            counted = List.copyOf(counted);
        }

        /** Counted calls in the window. */
        public int getPlaced() {
            return counted.size();
        }

        /** When fewer than {@code cap} counted calls remain in the window. */
        public Instant reopensAt(int cap) {
            return CalendarDays.reopensAt(counted, now, zone, days, cap);
        }

        /** For messages: "debt X has n placed calls on the 7 dates ...". */
        public String describe(int cap) {
            return debt + " has " + counted.size() + " connected placed calls on the " + days
                    + " local dates ending today (cap " + cap + ")";
        }
    }

    /** The last conversation about one debt of the proposed call, while it still blocks calls. */
    public record Conversation(String debt, Instant at, Instant blockEndsAt) {

        public String describe() {
            return "conversation about " + debt + " at " + at + "; calls are presumed excessive until " + blockEndsAt;
        }
    }

    private final ProposedAction action;
    private final ZoneId zone;
    private final List<ContactAttempt> history;
    private final Map<String, String> debtOfAccount;
    private final String collectorId;
    private final List<Consent> callbacks;
    private final Instant thirdPartyCallbackFrom;

    private PlacedCalls(ProposedAction action, ZoneId zone, List<ContactAttempt> history,
            Map<String, String> debtOfAccount, String collectorId, List<Consent> callbacks,
            Instant thirdPartyCallbackFrom) {
        this.action = action;
        this.zone = zone;
        this.history = history;
        this.debtOfAccount = debtOfAccount;
        this.collectorId = collectorId;
        this.callbacks = callbacks;
        this.thirdPartyCallbackFrom = thirdPartyCallbackFrom;
    }

    /**
     * The counts for {@code action}. {@code accounts} and {@code thirdParties} may hold other
     * objects (as a DRL {@code collect} gives them); only accounts and third parties are read.
     */
    public static PlacedCalls of(ProposedAction action, Debtor debtor, Collection<?> accounts,
            Collection<?> thirdParties, Collector collector, ContactHistory history) {
        Objects.requireNonNull(action, "action");
        Map<String, String> debts = new LinkedHashMap<>();
        for (Object item : accounts) {
            if (item instanceof Account account) {
                debts.put(account.id(), debtOf(account));
            }
        }
        boolean requested = false;
        List<Consent> callbacks = List.of();
        if (action.recipient() == Recipient.DEBTOR) {
            callbacks = debtor.consentsOf(ConsentKind.CALLBACK);
        } else {
            for (Object item : thirdParties) {
                if (item instanceof ThirdParty party && party.id().equals(action.thirdPartyId())) {
                    requested = party.requestedCallback();
                }
            }
        }
        Instant requestedAt = requested ? thirdPartyRequestMoment(action, history) : null;
        return new PlacedCalls(action, CalendarDays.countingZone(debtor.timeZones()), history.attempts(), debts,
                collector.id(), callbacks, requestedAt);
    }

    /**
     * When a third party's undated callback request is taken to have been made: the earliest contact
     * with them before the action that reached them or that they started; null when there is none.
     */
    private static Instant thirdPartyRequestMoment(ProposedAction action, ContactHistory history) {
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(action.at()) && attempt.recipient() != Recipient.DEBTOR
                    && Objects.equals(attempt.thirdPartyId(), action.thirdPartyId())
                    && (attempt.initiatedBy() == Initiator.THIRD_PARTY
                            || ConsumerContacts.reachedPerson(attempt.outcome()))) {
                return attempt.at();
            }
        }
        return null;
    }

    /** The debt an account belongs to: its servicing number for a student loan that has one, else itself. */
    public static String debtOf(Account account) {
        if (account.product() == Product.STUDENT_LOAN && account.servicingAccountNumber() != null) {
            return "student loans serviced under " + account.servicingAccountNumber();
        }
        return "account " + account.id();
    }

    /** The debts of the proposed call, each with the counted calls in the {@code days}-date window. */
    public List<DebtCalls> perDebt(int days) {
        Map<String, List<String>> debts = debtsOfAction();
        List<DebtCalls> result = new ArrayList<>();
        CalendarDays.DateWindow window = CalendarDays.window(action.at(), zone, days);
        for (Map.Entry<String, List<String>> debt : debts.entrySet()) {
            List<Instant> counted = new ArrayList<>();
            for (ContactAttempt attempt : history) {
                if (isPlacedCall(attempt) && attempt.connectedToNumber() && samePerson(attempt)
                        && aboutDebt(attempt, debt.getKey())
                        && window.contains(attempt.at())
                        && !underCallbackConsent(attempt.at(), days)) {
                    counted.add(attempt.at());
                }
            }
            result.add(new DebtCalls(debt.getKey(), debt.getValue(), counted, action.at(), zone, days));
        }
        return result;
    }

    /** The debts whose last conversation with the person still blocks a placed call ({@code days} dates). */
    public List<Conversation> conversationsWithin(int days) {
        List<Conversation> result = new ArrayList<>();
        for (String debt : debtsOfAction().keySet()) {
            ContactAttempt last = null;
            for (ContactAttempt attempt : history) {
                if (isConversation(attempt)
                        && attempt.at().isBefore(action.at()) && samePerson(attempt) && ownCall(attempt)
                        && aboutDebt(attempt, debt)) {
                    last = attempt;
                }
            }
            if (last != null && CalendarDays.inWindow(last.at(), action.at(), zone, days)) {
                result.add(new Conversation(debt, last.at(), CalendarDays.leavesWindowAt(last.at(), zone, days)));
            }
        }
        return result;
    }

    /** Whether the proposed call is placed under the person's callback consent, so neither presumption applies. */
    public boolean underCallbackConsent(int days) {
        return underCallbackConsent(action.at(), days);
    }

    /**
     * Collector-placed calls to the proposed call's number on its local date, the proposed one
     * included (for the "seven calls to one number in a day" advisory); 0 when it has no number.
     */
    public int callsToNumberTodayIncludingThis() {
        if (action.contactPoint() == null) {
            return 0;
        }
        // Earlier on the same local date: a one-date window ending with the call's date.
        CalendarDays.DateWindow today = CalendarDays.window(action.at(), zone, 1);
        int n = 1;
        for (ContactAttempt attempt : history) {
            if (isPlacedCall(attempt) && sameNumber(attempt) && today.contains(attempt.at())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether the last call placed to the same number went unanswered (rang out, voicemail or
     * busy) less than {@code window} before the proposed call: a rapid redial.
     */
    public boolean redialsUnansweredWithin(Duration window) {
        if (action.contactPoint() == null) {
            return false;
        }
        ContactAttempt last = null;
        for (ContactAttempt attempt : history) {
            if (isPlacedCall(attempt) && attempt.at().isBefore(action.at()) && sameNumber(attempt)) {
                last = attempt;
            }
        }
        return last != null && last.at().isAfter(action.at().minus(window))
                && (last.outcome() == Outcome.NO_ANSWER || last.outcome() == Outcome.VOICEMAIL
                        || last.outcome() == Outcome.BUSY);
    }

    private boolean underCallbackConsent(Instant t, int days) {
        if (action.recipient() != Recipient.DEBTOR) {
            return thirdPartyCallbackFrom != null && !thirdPartyCallbackFrom.isAfter(t)
                    && CalendarDays.inWindow(thirdPartyCallbackFrom, t.plusNanos(1), zone, days)
                    && !conversationBetween(thirdPartyCallbackFrom, t);
        }
        for (Consent consent : callbacks) {
            // The consent's date is day 1; givenAt itself counts (inWindow wants moments before its end).
            boolean inDates = CalendarDays.inWindow(consent.givenAt(), t.plusNanos(1), zone, days);
            if (consent.validAt(t) && inDates && !conversationBetween(consent.givenAt(), t)) {
                return true;
            }
        }
        return false;
    }

    /** A conversation with the person strictly after {@code from} (null: any time) and strictly before {@code to}. */
    private boolean conversationBetween(Instant from, Instant to) {
        for (ContactAttempt attempt : history) {
            if (isConversation(attempt) && samePerson(attempt)
                    && (from == null || attempt.at().isAfter(from)) && attempt.at().isBefore(to)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, List<String>> debtsOfAction() {
        Map<String, List<String>> debts = new LinkedHashMap<>();
        for (String account : action.accountIds()) {
            debts.computeIfAbsent(debtOfAccount.getOrDefault(account, "account " + account), k -> new ArrayList<>())
                    .add(account);
        }
        return debts;
    }

    private boolean aboutDebt(Contact contact, String debt) {
        for (String account : contact.accountIds()) {
            if (debt.equals(debtOfAccount.getOrDefault(account, "account " + account))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A telephone conversation: a CONNECTED call, or a call whose outcome is not known yet (it may have
     * been one; fail closed, as the caps count an unknown outcome as connected).
     */
    private static boolean isConversation(ContactAttempt attempt) {
        return attempt.channel() == Channel.CALL && (attempt.outcome() == null || attempt.outcome() == Outcome.CONNECTED);
    }

    private boolean isPlacedCall(ContactAttempt attempt) {
        return attempt.channel() == Channel.CALL && attempt.initiatedBy() == Initiator.COLLECTOR && ownCall(attempt);
    }

    private boolean ownCall(ContactAttempt attempt) {
        return attempt.collectorId() == null || collectorId == null || attempt.collectorId().equals(collectorId);
    }

    private boolean samePerson(Contact contact) {
        if (action.recipient() == Recipient.DEBTOR) {
            return contact.recipient() == Recipient.DEBTOR;
        }
        return contact.recipient() != Recipient.DEBTOR && Objects.equals(contact.thirdPartyId(), action.thirdPartyId());
    }

    private boolean sameNumber(Contact contact) {
        return contact.contactPoint() != null && contact.contactPoint().id().equals(action.contactPoint().id());
    }
}
