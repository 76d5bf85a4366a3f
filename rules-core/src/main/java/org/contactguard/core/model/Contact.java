package org.contactguard.core.model;

import java.time.Instant;
import java.util.List;

/**
 * The fields a proposed contact and a past one share, so that rules counting contacts can treat the
 * action being decided and the history alike. Both implementations validate these fields the same way.
 */
public interface Contact {

    Channel channel();

    /** When the contact happens or happened. */
    Instant at();

    /** The person on the other side; {@code DEBTOR} also for a contact the debtor started. */
    Recipient recipient();

    /** The id of the {@link ThirdParty} reached; null exactly when the recipient is the debtor. */
    String thirdPartyId();

    /** The number or address used; present for CALL, SMS, EMAIL and IM, optional otherwise. */
    ContactPoint contactPoint();

    Place place();

    /** The debts this contact is about; never empty. */
    List<String> accountIds();

    Purpose purpose();

    Initiator initiatedBy();

    /** An AI or robo voice, or an auto-dialled message. */
    boolean automated();

    /** A CALL on which an artificial or prerecorded voice message is played. */
    boolean prerecorded();

    /** Sent from an agent's personal phone or social account. */
    boolean viaPersonalDevice();

    Visibility visibility();

    /** Message text, call script or voicemail text, screened by the content rules; may be null. */
    String content();

    /** A CALL that leaves a voicemail or recorded message, its text in {@link #content()}. */
    boolean leavesMessage();

    boolean identifiesCaller();

    /** The contact reveals the debt's existence or details (content screening may find it even when false). */
    boolean disclosesDebt();

    /** How the visit is carried out; present exactly when the channel is VISIT. */
    VisitDetails visit();

    /**
     * Where the contact reaches the person: its {@link #place()}, or, when that is the default
     * OTHER, the place its number implies (a work phone rings at work, a home phone at home).
     */
    default Place placeReached() {
        if (place() != Place.OTHER || contactPoint() == null) {
            return place();
        }
        return switch (contactPoint().kind()) {
            case WORK_PHONE -> Place.WORK;
            case HOME_PHONE -> Place.HOME;
            default -> Place.OTHER;
        };
    }

    /** Whether this contact is about the account with this id. */
    default boolean isAbout(String accountId) {
        return accountIds().contains(accountId);
    }
}
