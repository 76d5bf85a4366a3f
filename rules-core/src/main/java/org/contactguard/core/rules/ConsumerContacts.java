package org.contactguard.core.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.Consent;
import org.contactguard.core.model.ConsentKind;
import org.contactguard.core.model.Contact;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.Debtor;
import org.contactguard.core.model.Initiator;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Place;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.model.Restriction;
import org.contactguard.core.model.ThirdParty;

/**
 * Who counts as the consumer, what the debtor started, and which consents let a contact through:
 * the questions the US rules ask of the history and the debtor, answered in Java so that the DRL
 * only names them.
 */
public final class ConsumerContacts {

    private ConsumerContacts() {
    }

    /**
     * Whether {@code recipient} is "the consumer" for third-party purposes (12 CFR 1006.6(a)): the
     * debtor, a spouse, a parent when the debtor is a minor, a guardian, an executor.
     */
    public static boolean isConsumer(Recipient recipient, Debtor debtor) {
        return switch (recipient) {
            case DEBTOR, SPOUSE, GUARDIAN, EXECUTOR -> true;
            case PARENT_OF_MINOR -> debtor.minor();
            default -> false;
        };
    }

    /**
     * Whether the action is the one response a collector may give, in the same medium, to a
     * contact the debtor started: its purpose is RESPONSE, the debtor's latest contact in this
     * channel is in the history, and the collector has not used this channel since.
     */
    public static boolean oneResponseAllowed(ProposedAction action, ContactHistory history) {
        return respondsToDebtor(action, history);
    }

    /**
     * Whether {@code contact}, proposed or in the history, is a response to a contact the debtor
     * started, as {@link #oneResponseAllowed} defines it. A contact merely labelled RESPONSE, with no
     * unanswered debtor contact in its channel before it, is not one: it counts as the collector's own.
     */
    public static boolean respondsToDebtor(Contact contact, ContactHistory history) {
        return answeredDebtorContact(contact, history) != null;
    }

    /**
     * Whether the action is the one response to a debtor contact ({@link #oneResponseAllowed}) given
     * "at that time" (Comment 6(b)(1)-2): no moment inside {@code [from, to)} in every zone lies
     * between the debtor's contact and the action, so both fall in the same stretch of time the
     * hour rule objects to. A debtor who wrote at noon does not open 23:00 for the answer.
     */
    public static boolean oneResponseAtThatTime(ProposedAction action, ContactHistory history, ActionTime time,
            LocalTime from, LocalTime to) {
        ContactAttempt debtorContact = answeredDebtorContact(action, history);
        if (debtorContact == null) {
            return false;
        }
        Instant opened = new ActionTime(debtorContact.at(), time.zones(), action.at()).nextWithinEveryZone(from, to);
        return opened == null || !opened.isBefore(action.at());
    }

    /**
     * Whether the action is the one response to a debtor contact ({@link #oneResponseAllowed}) given
     * at the place the debtor contacted the collector from (Comment 6(b)(1)-2: "at that place").
     */
    public static boolean oneResponseAtThatPlace(ProposedAction action, ContactHistory history) {
        ContactAttempt debtorContact = answeredDebtorContact(action, history);
        return debtorContact != null && placeOf(debtorContact) == placeOf(action);
    }

    /**
     * Where a contact reaches the person: its {@code place}, or, when that is the default OTHER, the
     * place its number implies (a work phone rings at work, a home phone at home).
     */
    public static Place placeOf(Contact contact) {
        if (contact.place() != Place.OTHER || contact.contactPoint() == null) {
            return contact.place();
        }
        return switch (contact.contactPoint().kind()) {
            case WORK_PHONE -> Place.WORK;
            case HOME_PHONE -> Place.HOME;
            default -> Place.OTHER;
        };
    }

    /**
     * Whether {@code restriction} makes the place the action reaches the debtor one the collector
     * knows is inconvenient (12 CFR 1006.6(b)(1); Comment 6(b)(1)-1: the consumer said not to be
     * contacted there): an INCONVENIENT_PLACE for that place, or a request not to be contacted at
     * work (NO_CONTACT_AT_WORK, oral or written: the federal rule has no ten-day lapse).
     */
    public static boolean designatesPlaceOf(Restriction restriction, ProposedAction action) {
        Place place = placeOf(action);
        return switch (restriction.kind()) {
            case INCONVENIENT_PLACE -> restriction.place() == place;
            case NO_CONTACT_AT_WORK -> place == Place.WORK;
            default -> false;
        };
    }

    /** The debtor contact that {@code contact} answers as the one response, or null when it answers none. */
    private static ContactAttempt answeredDebtorContact(Contact contact, ContactHistory history) {
        if (contact.purpose() != Purpose.RESPONSE || contact.recipient() != Recipient.DEBTOR) {
            return null;
        }
        ContactAttempt debtorContact = null;
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(contact.at()) && attempt.channel() == contact.channel()) {
                if (attempt.initiatedBy() == Initiator.DEBTOR) {
                    debtorContact = attempt;
                } else if (attempt.initiatedBy() == Initiator.COLLECTOR && debtorContact != null) {
                    debtorContact = null;
                }
            }
        }
        return debtorContact;
    }

    /** Whether the debtor has contacted the collector from the action's number or address in its channel. */
    public static boolean debtorUsedContactPoint(ProposedAction action, ContactHistory history) {
        if (action.contactPoint() == null) {
            return false;
        }
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(action.at()) && attempt.initiatedBy() == Initiator.DEBTOR
                    && attempt.channel() == action.channel() && attempt.contactPoint() != null
                    && attempt.contactPoint().id().equals(action.contactPoint().id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the action's person has contacted the collector from the action's number or address in
     * its channel: the debtor (a contact the debtor started) or, when the action goes to a third party
     * who counts as the consumer (a spouse, say), that third party (a contact they started).
     */
    public static boolean consumerUsedContactPoint(ProposedAction action, ContactHistory history) {
        if (action.recipient() == Recipient.DEBTOR) {
            return debtorUsedContactPoint(action, history);
        }
        if (action.contactPoint() == null) {
            return false;
        }
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(action.at()) && attempt.initiatedBy() == Initiator.THIRD_PARTY
                    && action.thirdPartyId() != null && action.thirdPartyId().equals(attempt.thirdPartyId())
                    && attempt.channel() == action.channel() && attempt.contactPoint() != null
                    && attempt.contactPoint().id().equals(action.contactPoint().id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an ELECTRONIC consent valid at the action, of any age, covers its channel and number or
     * address. Rules call this rather than passing a {@code null} freshness: MVEL cannot compile a
     * constraint with a bare {@code null} argument to bytecode and would interpret it on every
     * evaluation.
     */
    public static boolean electronicConsentOfAnyAge(ProposedAction action, Debtor debtor) {
        return electronicConsent(action, debtor, null);
    }

    /**
     * Whether an ELECTRONIC consent valid at the action covers its channel and number or address,
     * given or renewed no longer than {@code freshness} before the action (null: any age).
     */
    public static boolean electronicConsent(ProposedAction action, Debtor debtor, Duration freshness) {
        if (action.contactPoint() == null) {
            return false;
        }
        for (Consent consent : debtor.consentsOf(ConsentKind.ELECTRONIC)) {
            if (consent.validAt(action.at()) && (consent.channel() == null || consent.channel() == action.channel())
                    && action.contactPoint().id().equals(consent.contactPointId())
                    && (freshness == null || fresh(consent, action.at(), freshness))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a written ELECTRONIC consent valid at the action covers its channel (a consent without
     * a channel covers every electronic channel) and its address or number (a consent without
     * {@code contactPointId} covers every one in that channel, e.g. a social-media account).
     */
    public static boolean writtenElectronicConsent(ProposedAction action, Debtor debtor) {
        for (Consent consent : debtor.consentsOf(ConsentKind.ELECTRONIC)) {
            if (consent.written() && consent.validAt(action.at())
                    && (consent.channel() == null || consent.channel() == action.channel())
                    && (consent.contactPointId() == null || (action.contactPoint() != null
                            && action.contactPoint().id().equals(consent.contactPointId())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean fresh(Consent consent, Instant at, Duration freshness) {
        Instant latest = consent.renewedAt() != null ? consent.renewedAt() : consent.givenAt();
        return !latest.plus(freshness).isBefore(at);
    }

    /** Whether a THIRD_PARTY_CONTACT consent valid at the action covers it (its number, when the consent names one). */
    public static boolean thirdPartyConsent(ProposedAction action, Debtor debtor) {
        for (Consent consent : debtor.consentsOf(ConsentKind.THIRD_PARTY_CONTACT)) {
            if (consent.validAt(action.at()) && (consent.contactPointId() == null
                    || (action.contactPoint() != null && consent.contactPointId().equals(action.contactPoint().id())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Earlier location-information contacts this collector made with the action's third party that
     * reached them (a conversation, a meeting, a delivered message or letter, a refusal, or an
     * unknown outcome).
     */
    public static int locationContactsWith(ProposedAction action, ContactHistory history) {
        int n = 0;
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(action.at()) && attempt.purpose() == Purpose.LOCATION_INFO
                    && attempt.initiatedBy() == Initiator.COLLECTOR && attempt.recipient() != Recipient.DEBTOR
                    && attempt.thirdPartyId() != null && attempt.thirdPartyId().equals(action.thirdPartyId())
                    && reachedPerson(attempt.outcome())) {
                n++;
            }
        }
        return n;
    }

    /**
     * How many location-information contacts the action's third party may have had before this one:
     * {@code max}, and one more when they asked to be contacted again (1692b(3): "more than once
     * unless requested"). The request carries no date or count, so it opens one further contact,
     * not any number of them.
     */
    public static int locationContactsAllowed(ProposedAction action, Collection<?> thirdParties, int max) {
        return thirdPartyRequestedCallback(action, thirdParties) ? max + 1 : max;
    }

    /** Whether the action's third party asked to be contacted again. */
    public static boolean thirdPartyRequestedCallback(ProposedAction action, Collection<?> thirdParties) {
        for (Object item : thirdParties) {
            if (item instanceof ThirdParty party && party.id().equals(action.thirdPartyId())) {
                return party.requestedCallback();
            }
        }
        return false;
    }

    /** Whether an attempt with this outcome reached the person (unknown: assume it did). */
    public static boolean reachedPerson(Outcome outcome) {
        return outcome == null || switch (outcome) {
            case CONNECTED, MET, DELIVERED, REFUSED -> true;
            default -> false;
        };
    }

    /** Whether the action uses an electronic medium (SMS, email, IM, social media). */
    public static boolean electronic(Channel channel) {
        return channel == Channel.SMS || channel == Channel.EMAIL || channel == Channel.IM
                || channel == Channel.SOCIAL_MEDIA;
    }
}
