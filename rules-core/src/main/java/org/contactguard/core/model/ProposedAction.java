package org.contactguard.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contact the engine is asked to decide on: who would be contacted, when, how and about which
 * debts. Optional fields take the contract defaults ({@code place} OTHER, {@code purpose} COLLECTION,
 * {@code initiatedBy} COLLECTOR, {@code visibility} PRIVATE).
 */
public record ProposedAction(
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
        VisitDetails visit) implements Contact {

    public ProposedAction {
        ContactChecks.checkParties(channel, at, recipient, thirdPartyId, contactPoint);
        place = ContactChecks.place(place);
        accountIds = ContactChecks.accountIds(accountIds);
        purpose = ContactChecks.purpose(purpose);
        initiatedBy = ContactChecks.initiatedBy(initiatedBy);
        visibility = ContactChecks.visibility(visibility);
        ContactChecks.checkVisit(channel, visit);
        // Whether someone will be met cannot be known before the visit; a true value here would let a
        // caller smuggle an outcome into the question.
        if (visit != null && visit.personContacted()) {
            throw new InvalidInputException("visit.personContacted", "is only known for history entries");
        }
    }

    /** The same action at another moment, e.g. to probe when it would next be allowed. */
    public ProposedAction withAt(Instant at) {
        return new ProposedAction(channel, at, recipient, thirdPartyId, contactPoint, place, accountIds, purpose,
                initiatedBy, automated, viaPersonalDevice, visibility, content, leavesMessage, identifiesCaller,
                disclosesDebt, visit);
    }

    /** Starts a builder; {@code identifiesCaller} starts true, every other field empty or false. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects an action's fields; the record's constructor validates them on {@link #build()}. */
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

        /** @throws InvalidInputException if the action breaks the contract */
        public ProposedAction build() {
            return new ProposedAction(channel, at, recipient, thirdPartyId, contactPoint, place, accountIds, purpose,
                    initiatedBy, automated, viaPersonalDevice, visibility, content, leavesMessage, identifiesCaller,
                    disclosesDebt, visit);
        }
    }
}
