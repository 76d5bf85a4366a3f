package org.contactguard.core.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.contactguard.core.model.ContactAttempt;
import org.contactguard.core.model.DecisionRequest;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.ProposedAction;
import org.contactguard.core.model.ThirdParty;

/**
 * That the third party the action is addressed to refused further contact before the evaluated
 * moment: engine-built, present only when it did, so that a rule reads
 * {@code ThirdPartyRefusal(thirdPartyId == $action.thirdPartyId)}. Whether the refusal stops the
 * contact is the rule's.
 *
 * <p>A third party refused when its {@code refusedContactAt} is not after the moment, or a past
 * contact with it ended REFUSED.
 *
 * @param thirdPartyId the third party's id
 * @param refusedAt the earliest moment it is known to have refused
 */
public record ThirdPartyRefusal(String thirdPartyId, Instant refusedAt) {

    public ThirdPartyRefusal {
        Objects.requireNonNull(thirdPartyId, "thirdPartyId");
        Objects.requireNonNull(refusedAt, "refusedAt");
    }

    /** The refusal of {@code action}'s third party, if it refused before {@code history}'s now; empty otherwise. */
    public static List<ThirdPartyRefusal> of(DecisionRequest request, ProposedAction action, ContactHistory history) {
        String id = action.thirdPartyId();
        if (id == null) {
            return List.of();
        }
        Instant now = history.now();
        Instant earliest = null;
        for (ThirdParty party : request.thirdParties()) {
            if (id.equals(party.id()) && party.refusedContactAt() != null && !party.refusedContactAt().isAfter(now)) {
                earliest = party.refusedContactAt();
            }
        }
        for (ContactAttempt attempt : history.attempts()) {
            if (attempt.at().isBefore(now) && id.equals(attempt.thirdPartyId()) && attempt.outcome() == Outcome.REFUSED) {
                if (earliest == null || attempt.at().isBefore(earliest)) {
                    earliest = attempt.at();
                }
                break;
            }
        }
        return earliest == null ? List.of() : List.of(new ThirdPartyRefusal(id, earliest));
    }
}
