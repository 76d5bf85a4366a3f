package org.contactguard.core.model;

import java.time.Instant;
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
        boolean prerecorded,
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
        ContactChecks.checkPrerecorded(channel, prerecorded);
        // Whether someone will be met cannot be known before the visit; a true value here would let a
        // caller smuggle an outcome into the question.
        if (visit != null && visit.personContacted()) {
            throw new InvalidInputException("visit.personContacted", "is only known for history entries");
        }
    }

    /** The same action at another moment, e.g. to probe when it would next be allowed. */
    public ProposedAction withAt(Instant at) {
        return new ProposedAction(channel, at, recipient, thirdPartyId, contactPoint, place, accountIds, purpose,
                initiatedBy, automated, prerecorded, viaPersonalDevice, visibility, content, leavesMessage, identifiesCaller,
                disclosesDebt, visit);
    }

    /** Starts a builder; {@code identifiesCaller} starts true, every other field empty or false. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects an action's fields; the record's constructor validates them on {@link #build()}. */
    public static final class Builder extends ContactBuilder<Builder> {
        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** @throws InvalidInputException if the action breaks the contract */
        public ProposedAction build() {
            return new ProposedAction(channel, at, recipient, thirdPartyId, contactPoint, place, accountIds, purpose,
                    initiatedBy, automated, prerecorded, viaPersonalDevice, visibility, content, leavesMessage, identifiesCaller,
                    disclosesDebt, visit);
        }
    }
}
