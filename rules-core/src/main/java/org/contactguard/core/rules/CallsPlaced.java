package org.contactguard.core.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * The telephone calls this collector placed to the proposed contact's person about one of its
 * debts, as Regulation F 1006.14(b) counts them, dated in calendar dates of the debtor's first zone
 * (UTC when none is known): one fact per debt of the proposed contact, engine-built at each moment.
 *
 * <p>It computes, it does not decide. The person is the debtor (every number) or one third party
 * (by id); the debt is an account, or the student loans under one servicing number
 * (1006.14(b)(4)); a call counts when this collector placed it and it reached the number (every
 * outcome but BUSY, NOT_IN_SERVICE and FAILED; unknown counts); a conversation is a CONNECTED call
 * (or one of unknown outcome), started by either side. Dates are counted as "day n": the moment's
 * own date is day 1 of a window that starts then. Whether a call under the person's callback
 * consent is exempt, and how many dates the windows hold, are the rules' (with the pack's
 * parameters): {@link #callbackConsentDay} and each call's {@link Call#callbackConsentDay} are the
 * inputs they state it on.
 *
 * <p>Callback consent: for the debtor, a {@code CALLBACK} consent valid at the moment; for a third
 * party, its {@code requestedCallback}, which carries no date and is taken as given at the earliest
 * contact with that third party that reached them or that they started (the reading that excludes
 * least). Either is used up by a conversation with the person after it was given.
 *
 * @param debt the debt, as messages name it ("account A1", "student loans serviced under S-9")
 * @param accountIds the proposed contact's accounts that belong to this debt
 * @param at the evaluated moment
 * @param zone the zone the dates are counted in
 * @param calls the counted calls before the moment, oldest first, on the moment's date or earlier
 * @param callbackConsentDay the moment's date counted from the date of the person's callback
 *     consent in force then (day 1 = the consent's date; the earliest-dated one when several are);
 *     0 when none is in force
 * @param lastConversationAt the last conversation with the person about this debt before the
 *     moment, by this collector's calls; null when none
 * @param conversationDay the moment's date counted from {@code lastConversationAt}'s date (day 1 =
 *     the conversation's date); 0 when there is none
 */
public record CallsPlaced(String debt, List<String> accountIds, Instant at, ZoneId zone, List<Call> calls,
        int callbackConsentDay, Instant lastConversationAt, int conversationDay) {

    /**
     * One counted call.
     *
     * @param at when it was placed
     * @param day the evaluated moment's date counted from this call's date (1: the same date)
     * @param callbackConsentDay the call's date counted from the callback consent in force when it
     *     was placed, as {@link CallsPlaced#callbackConsentDay}; 0 when none was
     */
    public record Call(Instant at, int day, int callbackConsentDay) {
        public Call {
            Objects.requireNonNull(at, "at");
        }
    }

    public CallsPlaced {
        Objects.requireNonNull(debt, "debt");
        accountIds = List.copyOf(accountIds);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        calls = List.copyOf(calls);
    }

    /**
     * The counted calls on the {@code windowDays} dates ending with the moment's date, leaving out
     * those placed under a callback consent within its first {@code consentDays} dates (the
     * exclusion the rule states, 1006.14(b)(3)(i)), oldest first.
     */
    public List<Instant> placedWithin(int windowDays, int consentDays) {
        List<Instant> counted = new ArrayList<>();
        for (Call call : calls) {
            if (call.day() <= windowDays && !(call.callbackConsentDay() > 0 && call.callbackConsentDay() <= consentDays)) {
                counted.add(call.at());
            }
        }
        return counted;
    }

    /** How many calls {@link #placedWithin} counts. */
    public int countWithin(int windowDays, int consentDays) {
        int n = 0;
        for (Call call : calls) {
            if (call.day() <= windowDays && !(call.callbackConsentDay() > 0 && call.callbackConsentDay() <= consentDays)) {
                n++;
            }
        }
        return n;
    }

    /**
     * When fewer than {@code cap} of the calls {@link #placedWithin} counts remain in a
     * {@code windowDays}-date window (the moment itself when that is already so; null when the cap
     * is 0 or less).
     */
    public Instant reopensAt(int windowDays, int consentDays, int cap) {
        return CalendarDays.reopensAt(placedWithin(windowDays, consentDays), at, zone, windowDays, cap);
    }

    /** When the last conversation leaves a {@code days}-date window: local midnight of its date plus {@code days}. */
    public Instant conversationBlockEndsAt(int days) {
        return lastConversationAt == null ? null : CalendarDays.leavesWindowAt(lastConversationAt, zone, days);
    }

    /** The debt, so a message naming the bound fact ({@code {calls}}) reads as the debt. */
    @Override
    public String toString() {
        return debt;
    }

    /** One fact per debt of {@code action} (in the order of its account ids), for its person, as seen at {@code action.at()}. */
    public static List<CallsPlaced> of(ProposedAction action, Debtor debtor, List<Account> accounts,
            List<ThirdParty> thirdParties, Collector collector, ContactHistory history) {
        Objects.requireNonNull(action, "action");
        Map<String, String> debtOfAccount = new LinkedHashMap<>();
        for (Account account : accounts) {
            debtOfAccount.put(account.id(), debtOf(account));
        }
        Map<String, List<String>> debts = new LinkedHashMap<>();
        for (String account : action.accountIds()) {
            debts.computeIfAbsent(debtOfAccount.getOrDefault(account, ACCOUNT_PREFIX + account), k -> new ArrayList<>())
                    .add(account);
        }
        Person person = new Person(action, debtor, thirdParties, collector.id(), history.attempts());
        ZoneId zone = CalendarDays.countingZone(debtor.timeZones());
        Instant at = action.at();
        CalendarDays.LocalDates dates = CalendarDays.dates(zone);
        long today = dates.epochDay(at);
        int consentDayNow = person.callbackConsentDay(at, dates);
        List<CallsPlaced> result = new ArrayList<>(debts.size());
        for (Map.Entry<String, List<String>> debt : debts.entrySet()) {
            List<Call> calls = new ArrayList<>();
            ContactAttempt last = null;
            for (ContactAttempt attempt : history.attempts()) {
                if (!attempt.at().isBefore(at) || !person.same(attempt) || !person.ownCall(attempt)
                        || !aboutDebt(attempt, debt.getKey(), debtOfAccount)) {
                    continue;
                }
                if (isConversation(attempt)) {
                    last = attempt;
                }
                if (attempt.channel() == Channel.CALL && attempt.initiatedBy() == Initiator.COLLECTOR
                        && attempt.connectedToNumber()) {
                    long day = today - dates.epochDay(attempt.at()) + 1;
                    if (day >= 1) {
                        calls.add(new Call(attempt.at(), (int) Math.min(day, Integer.MAX_VALUE),
                                person.callbackConsentDay(attempt.at(), dates)));
                    }
                }
            }
            int conversationDay = 0;
            if (last != null) {
                long day = today - dates.epochDay(last.at()) + 1;
                // A clock change that dates the conversation after the moment's date leaves it outside every window.
                conversationDay = day >= 1 ? (int) Math.min(day, Integer.MAX_VALUE) : 0;
            }
            result.add(new CallsPlaced(debt.getKey(), debt.getValue(), at, zone, calls, consentDayNow,
                    conversationDay == 0 ? null : last.at(), conversationDay));
        }
        return result;
    }

    /** The debt an account belongs to: its servicing number for a student loan that has one, else itself. */
    static String debtOf(Account account) {
        if (account.product() == Product.STUDENT_LOAN && account.servicingAccountNumber() != null) {
            return "student loans serviced under " + account.servicingAccountNumber();
        }
        return ACCOUNT_PREFIX + account.id();
    }

    private static boolean aboutDebt(Contact contact, String debt, Map<String, String> debtOfAccount) {
        for (String account : contact.accountIds()) {
            String known = debtOfAccount.get(account);
            if (known != null ? debt.equals(known) : isAccountItself(debt, account)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code debt} is {@code "account " + account}, the debt of an account the request does
     * not hold, tested without building that text for every entry and account.
     */
    private static boolean isAccountItself(String debt, String account) {
        return debt.length() == ACCOUNT_PREFIX.length() + account.length() && debt.startsWith(ACCOUNT_PREFIX)
                && debt.endsWith(account);
    }

    private static final String ACCOUNT_PREFIX = "account ";

    /** A CONNECTED call, or one whose outcome is not known (it may have been one: fail closed). */
    static boolean isConversation(ContactAttempt attempt) {
        return attempt.channel() == Channel.CALL && (attempt.outcome() == null || attempt.outcome() == Outcome.CONNECTED);
    }

    /** The proposed contact's person, this collector, and the person's callback consents. */
    private static final class Person {
        private final ProposedAction action;
        private final String collectorId;
        private final List<ContactAttempt> history;
        private final List<Consent> callbacks;
        private final Instant thirdPartyCallbackFrom;

        Person(ProposedAction action, Debtor debtor, List<ThirdParty> thirdParties, String collectorId,
                List<ContactAttempt> history) {
            this.action = action;
            this.collectorId = collectorId;
            this.history = history;
            boolean requested = false;
            if (action.recipient() == Recipient.DEBTOR) {
                callbacks = debtor.consentsOf(ConsentKind.CALLBACK);
            } else {
                callbacks = List.of();
                for (ThirdParty party : thirdParties) {
                    if (party.id().equals(action.thirdPartyId())) {
                        requested = party.requestedCallback();
                    }
                }
            }
            thirdPartyCallbackFrom = requested ? firstReached() : null;
        }

        /** The earliest contact with the action's third party before the action that reached them or that they started. */
        private Instant firstReached() {
            for (ContactAttempt attempt : history) {
                if (attempt.at().isBefore(action.at()) && attempt.recipient() != Recipient.DEBTOR
                        && Objects.equals(attempt.thirdPartyId(), action.thirdPartyId())
                        && (attempt.initiatedBy() == Initiator.THIRD_PARTY
                                || ConsumerContacts.reachedPerson(attempt.outcome()))) {
                    return attempt.at();
                }
            }
            return null;
        }

        /**
         * {@code t}'s date counted from the date of the callback consent in force at {@code t} (valid
         * then, given at or before it, not used up by a conversation between), the earliest-dated
         * when several are; 0 when none is.
         */
        int callbackConsentDay(Instant t, CalendarDays.LocalDates dates) {
            // The consent's own moment counts as "before" t: dates are those of t plus a nanosecond.
            Instant end = t.plusNanos(1);
            long date = dates.epochDay(end);
            long best = 0;
            if (action.recipient() != Recipient.DEBTOR) {
                if (thirdPartyCallbackFrom != null && thirdPartyCallbackFrom.isBefore(end)
                        && !conversationBetween(thirdPartyCallbackFrom, t)) {
                    best = dayOf(date, thirdPartyCallbackFrom, dates);
                }
                return (int) best;
            }
            for (Consent consent : callbacks) {
                if (consent.validAt(t) && consent.givenAt().isBefore(end) && !conversationBetween(consent.givenAt(), t)) {
                    long day = dayOf(date, consent.givenAt(), dates);
                    if (day >= 1 && (best == 0 || day < best)) {
                        best = day;
                    }
                }
            }
            return (int) best;
        }

        /** {@code date} counted from {@code from}'s date (1: the same date); 0 when a clock change dates it later. */
        private static long dayOf(long date, Instant from, CalendarDays.LocalDates dates) {
            long day = date - dates.epochDay(from) + 1;
            return day >= 1 ? Math.min(day, Integer.MAX_VALUE) : 0;
        }

        private boolean conversationBetween(Instant from, Instant to) {
            for (ContactAttempt attempt : history) {
                if (isConversation(attempt) && same(attempt) && attempt.at().isAfter(from) && attempt.at().isBefore(to)) {
                    return true;
                }
            }
            return false;
        }

        boolean ownCall(ContactAttempt attempt) {
            return attempt.collectorId() == null || collectorId == null || attempt.collectorId().equals(collectorId);
        }

        boolean same(Contact contact) {
            if (action.recipient() == Recipient.DEBTOR) {
                return contact.recipient() == Recipient.DEBTOR;
            }
            return contact.recipient() != Recipient.DEBTOR && Objects.equals(contact.thirdPartyId(), action.thirdPartyId());
        }
    }
}
