package org.contactguard.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
    public static final class Builder {
        private Channel channel;
        private Instant at;
        private Recipient recipient;
        private String thirdPartyId;
        private ContactPoint contactPoint;
        private Place place;
        private List<String> accountIds;
        private Purpose purpose;
        private Initiator initiatedBy;
        private boolean automated;
        private boolean viaPersonalDevice;
        private Visibility visibility;
        private String content;
        private boolean leavesMessage;
        private boolean identifiesCaller = true;
        private boolean disclosesDebt;
        private VisitDetails visit;
        private String collectorId;
        private Outcome outcome;
        private boolean messageLeft;

        private Builder() {
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public Builder recipient(Recipient recipient) {
            this.recipient = recipient;
            return this;
        }

        public Builder thirdPartyId(String thirdPartyId) {
            this.thirdPartyId = thirdPartyId;
            return this;
        }

        public Builder contactPoint(ContactPoint contactPoint) {
            this.contactPoint = contactPoint;
            return this;
        }

        public Builder place(Place place) {
            this.place = place;
            return this;
        }

        /** Replaces the account ids. */
        public Builder accountIds(List<String> accountIds) {
            this.accountIds = accountIds == null ? null : new ArrayList<>(accountIds);
            return this;
        }

        /** Replaces the account ids. */
        public Builder accountIds(String... accountIds) {
            this.accountIds = accountIds == null ? null : new ArrayList<>(Arrays.asList(accountIds));
            return this;
        }

        public Builder purpose(Purpose purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder initiatedBy(Initiator initiatedBy) {
            this.initiatedBy = initiatedBy;
            return this;
        }

        public Builder automated(boolean automated) {
            this.automated = automated;
            return this;
        }

        public Builder viaPersonalDevice(boolean viaPersonalDevice) {
            this.viaPersonalDevice = viaPersonalDevice;
            return this;
        }

        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        public Builder content(String content) {
            this.content = content;
            return this;
        }

        public Builder leavesMessage(boolean leavesMessage) {
            this.leavesMessage = leavesMessage;
            return this;
        }

        public Builder identifiesCaller(boolean identifiesCaller) {
            this.identifiesCaller = identifiesCaller;
            return this;
        }

        public Builder disclosesDebt(boolean disclosesDebt) {
            this.disclosesDebt = disclosesDebt;
            return this;
        }

        public Builder visit(VisitDetails visit) {
            this.visit = visit;
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
                    initiatedBy, automated, viaPersonalDevice, visibility, content, leavesMessage, identifiesCaller,
                    disclosesDebt, visit, collectorId, outcome, messageLeft);
        }
    }
}
