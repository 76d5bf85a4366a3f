package org.contactguard.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A contact already made or attempted, as recorded in the request's history, with who made it
 * ({@code collectorId}, null: the request's collector) and how it ended ({@code outcome}, null: not known
 * yet). The shared fields are validated and defaulted exactly as on {@link ProposedAction}.
 */
public record ContactAttempt(
        Channel channel,
        Instant at,
        Recipient recipient,
        String thirdPartyId,
        ContactPoint contactPoint,
        Place place,
        List<String> accountIds,
        Purpose purpose,
        Initiator initiatedBy,
        boolean automated,
        boolean prerecorded,
        boolean viaPersonalDevice,
        Visibility visibility,
        String content,
        boolean leavesMessage,
        boolean identifiesCaller,
        boolean disclosesDebt,
        VisitDetails visit,
        String collectorId,
        Outcome outcome,
        boolean messageLeft) implements Contact {

    public ContactAttempt {
        ContactChecks.checkParties(channel, at, recipient, thirdPartyId, contactPoint);
        place = ContactChecks.place(place);
        accountIds = ContactChecks.accountIds(accountIds);
        purpose = ContactChecks.purpose(purpose);
        initiatedBy = ContactChecks.initiatedBy(initiatedBy);
        visibility = ContactChecks.visibility(visibility);
        ContactChecks.checkVisit(channel, visit);
        ContactChecks.checkPrerecorded(channel, prerecorded);
        Checks.optionalNonBlank(collectorId, "collectorId");
        Checks.onlyWhen(messageLeft, outcome == Outcome.VOICEMAIL, "messageLeft", "outcome is VOICEMAIL");
    }

    /**
     * Whether the attempt reached the dialled number or address. An unknown outcome counts as connected
     * (fail closed): counting it as not connected could let a cap be exceeded, while counting it as connected
     * at worst delays the next contact.
     */
    public boolean connectedToNumber() {
        return outcome == null || outcome.connectedToNumber();
    }

    /** A call the collector placed to the debtor about one account, with every other field at its default. */
    public static ContactAttempt call(Instant at, String accountId, ContactPoint point, Outcome outcome) {
        return builder().channel(Channel.CALL).at(at).recipient(Recipient.DEBTOR).contactPoint(point)
                .accountIds(accountId).outcome(outcome).build();
    }

    /** Starts a builder; {@code identifiesCaller} starts true, every other field empty or false. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects an attempt's fields; the record's constructor validates them on {@link #build()}. */
    public static final class Builder extends ContactBuilder<Builder> {
        private String collectorId;
        private Outcome outcome;
        private boolean messageLeft;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The collector that made the attempt; null means the request's collector. */
        public Builder collectorId(String collectorId) {
            this.collectorId = collectorId;
            return this;
        }

        /** How the attempt ended; null when not known yet. */
        public Builder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /** Whether a message was left on voicemail; only with outcome VOICEMAIL. */
        public Builder messageLeft(boolean messageLeft) {
            this.messageLeft = messageLeft;
            return this;
        }

        /** @throws InvalidInputException if the attempt breaks the contract */
        public ContactAttempt build() {
            return new ContactAttempt(channel, at, recipient, thirdPartyId, contactPoint, place, accountIds, purpose,
                    initiatedBy, automated, prerecorded, viaPersonalDevice, visibility, content, leavesMessage, identifiesCaller,
                    disclosesDebt, visit, collectorId, outcome, messageLeft);
        }
    }
}
